// Art 6(1) conduct: what enforcing courts recorded on the prisoner's items, and the
// prisoner's own refused or false asset declaration.
import type { ConductCode } from '../contract/enforcement-status.ts';
import { itemKey } from '../contract/primitives.ts';
import type { EvaluationContext } from './context.ts';
import type { ReceivedStatus } from './facts.ts';

export interface ConductRecord {
  readonly code: ConductCode;
  readonly foundOn: string;
  readonly ceasedOn?: string;
  readonly serious: boolean;
  readonly item: string;
}

export const CONDUCT_WORDS: Record<ConductCode, string> = {
  HIDES_PROCEEDS_WHEREABOUTS: 'refuses to say where the proceeds went (6(1)(i))',
  CONCEALS_OR_TRANSFERS_ASSETS: 'hides, conceals or transfers assets (6(1)(ii))',
  OBSTRUCTS_ENFORCEMENT: 'obstructs enforcement (6(1)(iii))',
  FALSE_DECLARATION: 'declared assets falsely (6(1)(iv))',
};

export function conductRecords(statuses: Iterable<ReceivedStatus>): ConductRecord[] {
  const records: ConductRecord[] = [];
  for (const { body } of statuses) {
    for (const c of body.conduct) {
      records.push({
        code: c.code,
        foundOn: c.foundOn,
        ...(c.ceasedOn === undefined ? {} : { ceasedOn: c.ceasedOn }),
        serious: c.serious === true,
        item: itemKey(body.judgmentId, body.itemNo),
      });
    }
  }
  // Order by item, then date, so the order messages arrived in never shows in a flag.
  return records.sort((a, b) => compare(a.item, b.item) || compare(a.foundOn, b.foundOn) || compare(a.code, b.code));
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Conduct found by today and not yet ceased. */
export function isOngoing(record: ConductRecord, today: string): boolean {
  return record.foundOn <= today && (record.ceasedOn === undefined || record.ceasedOn > today);
}

export function declarationRefusedOrFalse(ctx: EvaluationContext): boolean {
  return ctx.facts.dossier.assetDeclaration?.refusedOrFalse === true;
}

/** Art 6(1) conduct present as of today: an ongoing record, or a refused/false declaration. */
export function art61Present(ctx: EvaluationContext, records: readonly ConductRecord[]): boolean {
  return declarationRefusedOrFalse(ctx) || records.some((r) => isOngoing(r, ctx.today));
}

/** Sentence fragments naming the ongoing Art 6(1) conduct. */
export function describeOngoing(ctx: EvaluationContext, records: readonly ConductRecord[]): string[] {
  const parts = records
    .filter((r) => isOngoing(r, ctx.today))
    .map((r) => `${CONDUCT_WORDS[r.code]}, found ${r.foundOn} on ${r.item}`);
  if (declarationRefusedOrFalse(ctx)) parts.push('asset declaration refused or false (6(1)(iv))');
  return parts;
}
