// An institution's figures for a month or a quarter: the sum of its day counters, with the
// shares, median and 90th percentile derived from them (reply times from the day histograms,
// so a quarter's median is exact, not an average of months), and "overdue now" read live.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { queryAll } from '../storage/query-all.ts';
import type { Registry } from '../resources/registry.ts';
import { readMonth } from './counter-store.ts';
import {
  addCounts,
  countersOf,
  materialsDaysCounter,
  REPLY_DAYS_MAX,
  replyDaysCounter,
  type AssessedKind,
  type Counts,
} from './figures.ts';
import { monthsOf, type Period } from './periods.ts';

export interface InstitutionFigures {
  readonly institutionId: string;
  readonly name: string;
  readonly kind: AssessedKind;
  readonly period: string;
  /** Every counter of the kind, 0 when nothing happened. */
  readonly counts: Counts;
  /** Derived figures; null when their denominator is 0. */
  readonly derived: Record<string, number | null>;
  /** Reply days 0..REPLY_DAYS_MAX (the last bucket: that many or more), enforcing courts only. */
  readonly replyDays?: readonly number[];
}

export function assessedInstitutions(registry: Registry): { id: string; name: string; kind: AssessedKind }[] {
  return [
    ...registry.institutions
      .filter((i) => i.kind !== 'PROCURATORATE')
      .map((i) => ({ id: i.id, name: i.name, kind: i.kind as AssessedKind })),
    { id: registry.service.id, name: '联动机制', kind: 'SERVICE' as const },
  ];
}

/** The smallest day count d with at least `share` of the replies at or under d (nearest rank). */
export function percentileOf(histogram: readonly number[], share: number): number | null {
  const total = histogram.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(share * total));
  let seen = 0;
  for (let d = 0; d < histogram.length; d += 1) {
    seen += histogram[d]!;
    if (seen >= rank) return d;
  }
  return histogram.length - 1;
}

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 10);

export function deriveFigures(
  kind: AssessedKind,
  counts: Counts,
): { derived: Record<string, number | null>; replyDays?: number[] } {
  const c = (name: string) => counts[name] ?? 0;
  switch (kind) {
    case 'ENFORCING_COURT': {
      const replyDays = Array.from({ length: REPLY_DAYS_MAX + 1 }, (_, d) => c(replyDaysCounter(d)));
      return {
        replyDays,
        derived: {
          answeredWithin7Pct: ratio(c('answeredWithin7'), c('requestsAnswered')),
          medianReplyDays: percentileOf(replyDays, 0.5),
          p90ReplyDays: percentileOf(replyDays, 0.9),
          rejectedPct: ratio(c('rejections'), c('statusesAccepted') + c('rejections')),
        },
      };
    }
    case 'PRISON': {
      const materialsDays = Array.from({ length: REPLY_DAYS_MAX + 1 }, (_, d) => c(materialsDaysCounter(d)));
      return {
        derived: {
          completeAtFirstPct: ratio(c('completeAtFirst'), c('dossiersSubmitted')),
          medianMaterialsDays: percentileOf(materialsDays, 0.5),
        },
      };
    }
    case 'HEARING_COURT':
      return { derived: {} };
    case 'SERVICE':
      return { derived: { clearedAfterPaymentPct: ratio(c('clearedAfterPayment'), c('applicationsEvaluated')) } };
  }
}

/** Requests to an enforcing court past their due date and not answered, as of `nowIso` (live). */
export async function overdueNow(
  db: DynamoDBDocumentClient,
  casesTable: string,
  courtId: string,
  nowIso: string,
): Promise<number> {
  const due = await queryAll(db, {
    TableName: casesTable,
    IndexName: 'requestsByEnforcingCourt',
    KeyConditionExpression: 'enforcingCourtId = :court AND dueAt < :now',
    ExpressionAttributeValues: { ':court': courtId, ':now': nowIso },
  });
  return due.filter((r) => r.sent && !r.answeredAt).length;
}

export async function readFigures(
  db: DynamoDBDocumentClient,
  table: string,
  registry: Registry,
  period: Period,
  options: { institutionIds?: readonly string[]; live?: { casesTable: string; now: string } } = {},
): Promise<InstitutionFigures[]> {
  const { institutionIds, live } = options;
  const wanted = assessedInstitutions(registry).filter((i) => !institutionIds || institutionIds.includes(i.id));
  return Promise.all(
    wanted.map(async (inst) => {
      const counts: Counts = Object.fromEntries(countersOf(inst.kind).map((name) => [name, 0]));
      for (const month of monthsOf(period))
        for (const day of await readMonth(db, table, inst.id, month)) addCounts(counts, day.counts);
      const { derived, replyDays } = deriveFigures(inst.kind, counts);
      if (inst.kind === 'ENFORCING_COURT')
        derived.overdueNow = live
          ? await overdueNow(db, live.casesTable, inst.id, new Date(live.now).toISOString())
          : null;
      return {
        institutionId: inst.id,
        name: inst.name,
        kind: inst.kind,
        period: period.id,
        counts,
        derived,
        ...(replyDays ? { replyDays } : {}),
      };
    }),
  );
}
