// The property items under review and the state of each (contract semantics 1-2, rules
// R03, R13-R17, R26): which items exist, what was paid, and whether an unpaid item still
// counts against the prisoner.
import { CIVIL_KINDS, type PropertyKind } from '../contract/enforcement-status.ts';
import type { ItemState } from '../contract/fulfilment-flag.ts';
import { itemKey } from '../contract/primitives.ts';
import { dateOf } from '../time/calendar.ts';
import { art61Present, conductRecords, type ConductRecord } from './conduct.ts';
import type { EvaluationContext } from './context.ts';
import type { CaseFacts, ReceivedStatus } from './facts.ts';
import { sum } from './money.ts';

/** Why an unpaid item does not count against the prisoner (Arts 8-10). */
export type Relief = 'FINE_EXEMPT' | 'FINE_INSTAL' | 'CONFISC' | 'CIVIL_ESCROW' | 'CIVIL_INSTAL' | 'CIVIL_WAIVER';

export interface AssessedItem {
  readonly key: string;
  readonly judgmentId: string;
  readonly itemNo: number;
  readonly kind: PropertyKind;
  /** Authoritative amount: the enforcing court's when it sent a status, else the dossier's. */
  readonly dueFen: number | null;
  readonly paidFen: number;
  readonly outstandingFen: number;
  readonly state: ItemState;
  readonly relief?: Relief;
  /** The newest status for the item, when there is one. */
  readonly status?: ReceivedStatus;
  readonly inDossier: boolean;
  readonly dossierDueFen?: number | null;
  /** Court to ask about the item: the dossier's enforcing court, else the status's sender. */
  readonly enforcingCourtId?: string;
  /** For SATISFIED items: the day the item became fully paid. */
  readonly satisfiedOn?: string;
}

export interface ItemAssessment {
  readonly items: readonly AssessedItem[];
  /** Newest in-scope status per item key. */
  readonly statuses: ReadonlyMap<string, ReceivedStatus>;
  readonly conduct: readonly ConductRecord[];
}

/** Newest status per item, counting only statuses about this prisoner (semantics 1). */
export function newestStatuses(ctx: EvaluationContext): Map<string, ReceivedStatus> {
  const personId = ctx.facts.dossier.prisoner.personId;
  const newest = new Map<string, ReceivedStatus>();
  for (const status of ctx.facts.statuses) {
    if (status.body.personId !== personId) continue;
    const key = itemKey(status.body.judgmentId, status.body.itemNo);
    const held = newest.get(key);
    if (
      !held ||
      status.body.version > held.body.version ||
      (status.body.version === held.body.version && laterCopy(status, held))
    ) {
      newest.set(key, status);
    }
  }
  return newest;
}

/** Two different statuses with one version (only possible in a hand-made case file): pick
 *  one by content, so the order of messages cannot decide. */
function laterCopy(a: ReceivedStatus, b: ReceivedStatus): boolean {
  return a.sentAt !== b.sentAt ? a.sentAt > b.sentAt : JSON.stringify(a.body) > JSON.stringify(b.body);
}

// One evaluation assesses the same facts more than once (the decision, the what-if built from
// it, the next-change runs on other days): remembered for the last few facts objects (one
// evaluation uses three: its facts and two what-ifs), as facts never change. A WeakMap cost
// more than it saved. The day matters only through whether Art 6(1) conduct is present.
interface Remembered {
  readonly facts: CaseFacts;
  readonly statuses: Map<string, ReceivedStatus>;
  readonly conduct: readonly ConductRecord[];
  withConduct?: ItemAssessment;
  withoutConduct?: ItemAssessment;
}
const RECENT: Remembered[] = [];
const RECENT_LIMIT = 4;

function rememberedFor(ctx: EvaluationContext): Remembered {
  for (const known of RECENT) if (known.facts === ctx.facts) return known;
  const statuses = newestStatuses(ctx);
  const known = { facts: ctx.facts, statuses, conduct: conductRecords(statuses.values()) };
  if (RECENT.length >= RECENT_LIMIT) RECENT.pop();
  RECENT.unshift(known);
  return known;
}

/** Item states depend only on the facts and the day (Art 6(1) conduct present by then). */
export function assessItems(ctx: EvaluationContext): ItemAssessment {
  const known = rememberedFor(ctx);
  if (art61Present(ctx, known.conduct)) return (known.withConduct ??= assessItemsOnce(ctx, known, true));
  return (known.withoutConduct ??= assessItemsOnce(ctx, known, false));
}

function assessItemsOnce(ctx: EvaluationContext, known: Remembered, conductPresent: boolean): ItemAssessment {
  const { statuses, conduct } = known;

  const dossierItems = new Map<string, { kind: PropertyKind; dueFen: number | null; courtId: string }>();
  for (const judgment of ctx.facts.dossier.judgments) {
    for (const item of judgment.items) {
      dossierItems.set(itemKey(judgment.judgmentId, item.itemNo), {
        kind: item.kind,
        dueFen: item.dueFen,
        courtId: judgment.enforcingCourtId,
      });
    }
  }

  const items: AssessedItem[] = [];
  for (const judgment of ctx.facts.dossier.judgments) {
    for (const item of judgment.items) {
      const key = itemKey(judgment.judgmentId, item.itemNo);
      const status = statuses.get(key);
      items.push(
        status
          ? assessReported(status, conductPresent, dossierItems.get(key))
          : {
              key,
              judgmentId: judgment.judgmentId,
              itemNo: item.itemNo,
              kind: item.kind,
              dueFen: item.dueFen,
              paidFen: 0,
              outstandingFen: item.dueFen ?? 0,
              state: 'UNKNOWN',
              relief: undefined,
              status: undefined,
              inDossier: true,
              dossierDueFen: item.dueFen,
              enforcingCourtId: judgment.enforcingCourtId,
              satisfiedOn: undefined,
            },
      );
    }
  }
  for (const [key, status] of statuses) {
    if (!dossierItems.has(key)) items.push(assessReported(status, conductPresent, undefined));
  }
  items.sort((a, b) => (a.judgmentId === b.judgmentId ? a.itemNo - b.itemNo : a.judgmentId < b.judgmentId ? -1 : 1));
  return { items, statuses, conduct };
}

function assessReported(
  status: ReceivedStatus,
  conductPresent: boolean,
  fromDossier: { kind: PropertyKind; dueFen: number | null; courtId: string } | undefined,
): AssessedItem {
  const body = status.body;
  const paidFen = sum(body.payments.map((p) => p.amountFen));
  const coObligorsFen = body.jointLiability?.coObligorsPaidFen ?? 0;
  const remaining = body.dueFen === null ? 0 : Math.max(0, body.dueFen - paidFen - coObligorsFen);
  const satisfied = body.dueFen !== null && remaining === 0;
  const relief = satisfied ? undefined : reliefFor(status, conductPresent);
  // Every item has one object shape (fields it lacks are undefined): the rules read items everywhere.
  return {
    key: itemKey(body.judgmentId, body.itemNo),
    judgmentId: body.judgmentId,
    itemNo: body.itemNo,
    kind: body.kind,
    dueFen: body.dueFen,
    paidFen,
    outstandingFen: remaining,
    state: satisfied ? 'SATISFIED' : relief ? 'NOT_AFFECTING' : 'UNSATISFIED',
    relief,
    status,
    inDossier: fromDossier !== undefined,
    dossierDueFen: fromDossier?.dueFen,
    enforcingCourtId: fromDossier?.courtId ?? status.senderId,
    satisfiedOn: satisfied ? satisfiedOn(status) : undefined,
  };
}

/** Arts 8(1), 8(2), 9 and 10; the fine exemption and confiscation only without Art 6(1) conduct. */
function reliefFor({ body }: ReceivedStatus, conductPresent: boolean): Relief | undefined {
  const onSchedule = body.instalments?.agreed === true && !body.instalments.overdue;
  switch (body.kind) {
    case 'FINE':
      if (body.fineExempted && !conductPresent) return 'FINE_EXEMPT';
      return onSchedule ? 'FINE_INSTAL' : undefined;
    case 'CONFISCATION':
      return conductPresent ? undefined : 'CONFISC';
    case 'CIVIL_INCIDENTAL':
    case 'CIVIL_SEPARATE': {
      const paid = sum(body.payments.map((p) => p.amountFen));
      if (body.escrow && body.dueFen !== null && paid + body.escrow.amountFen >= body.dueFen) return 'CIVIL_ESCROW';
      if (onSchedule) return 'CIVIL_INSTAL';
      return body.victimWaiver ? 'CIVIL_WAIVER' : undefined;
    }
    default:
      return undefined;
  }
}

/** The day the payments reached the amount due; the status date when co-obligors closed it. */
function satisfiedOn({ body }: ReceivedStatus): string {
  const due = body.dueFen ?? 0;
  let running = 0;
  for (const payment of [...body.payments].sort((a, b) => (a.paidOn < b.paidOn ? -1 : 1))) {
    running += payment.amountFen;
    if (running >= due) return payment.paidOn;
  }
  return dateOf(body.asOf);
}

/** The flag's outstandingFen: what is owed on the UNSATISFIED items. */
export function outstandingOf(items: readonly AssessedItem[]): number {
  return sum(items.filter((i) => i.state === 'UNSATISFIED').map((i) => i.outstandingFen));
}

export const isCivil = (kind: PropertyKind): boolean => CIVIL_KINDS.includes(kind);
