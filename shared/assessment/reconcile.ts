// The nightly reconciliation: one local day's counters against the same figures recomputed
// from the source records. Every difference is reported (metric AssessmentDifferences and one
// log line each, institution ids and figure names only); nothing is repaired automatically,
// since a difference means a bug or a lost write that an operator should look at.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { logger } from '../powertools/logger.ts';
import { count, METRIC } from '../powertools/metrics.ts';
import type { Registry } from '../resources/registry.ts';
import { readMonth } from './counter-store.ts';
import { countersOf, NOT_RECONCILED, type AssessedKind, type Counts } from './figures.ts';
import { recomputeDay, type SourceTables } from './recompute.ts';

export interface Difference {
  readonly institutionId: string;
  readonly day: string;
  readonly figure: string;
  readonly counted: number;
  readonly recomputed: number;
}

export interface ReconciliationResult {
  readonly day: string;
  readonly institutions: number;
  readonly differences: readonly Difference[];
}

async function countedOn(
  db: DynamoDBDocumentClient,
  table: string,
  institutionId: string,
  day: string,
): Promise<Counts> {
  const month = await readMonth(db, table, institutionId, day.slice(0, 7));
  return month.find((d) => d.day === day)?.counts ?? {};
}

export async function reconcileDay(
  db: DynamoDBDocumentClient,
  tables: SourceTables & { readonly assessment: string },
  registry: Registry,
  day: string,
): Promise<ReconciliationResult> {
  const recomputed = await recomputeDay(db, tables, registry, day);
  const kinds = new Map<string, AssessedKind>([[registry.service.id, 'SERVICE']]);
  for (const inst of registry.institutions) if (inst.kind !== 'PROCURATORATE') kinds.set(inst.id, inst.kind);
  const differences: Difference[] = [];
  for (const [institutionId, kind] of kinds) {
    const counted = await countedOn(db, tables.assessment, institutionId, day);
    const expected = recomputed.get(institutionId) ?? {};
    for (const figure of countersOf(kind)) {
      if (NOT_RECONCILED.includes(figure)) continue;
      const a = counted[figure] ?? 0;
      const b = expected[figure] ?? 0;
      if (a !== b) differences.push({ institutionId, day, figure, counted: a, recomputed: b });
    }
  }
  for (const d of differences) logger.error('assessment counter differs from the source records', { ...d });
  count(METRIC.assessmentDifferences, undefined, differences.length);
  logger.info('assessment reconciled', { day, institutions: kinds.size, differences: differences.length });
  return { day, institutions: kinds.size, differences };
}
