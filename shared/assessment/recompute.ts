// One local day's figures recomputed from the source records, never from the counters: the
// access table (flags and verification requests as sent), the console indexes of the cases
// table (applications by prison and hearing court, requests by enforcing court), the
// decisions table and the quarantine index. Queries only, one institution at a time.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FulfilmentFlag } from '../contract/fulfilment-flag.ts';
import type { Decision } from '../contract/reason-codes.ts';
import type { Registry } from '../resources/registry.ts';
import { findRevision, revisionFlags } from '../storage/decision-store.ts';
import { queryAll } from '../storage/query-all.ts';
import { addDays, epochMs } from '../time/calendar.ts';
import {
  answerCounts,
  hearingCourtFlagCounts,
  materialsCompletedCounts,
  needsHistory,
  prisonFirstRevisionCounts,
  rulingCounts,
  serviceFlagCounts,
} from './contributions.ts';
import { addCounts, type Counts } from './figures.ts';
import { dayBounds, localDay } from './periods.ts';

export interface SourceTables {
  readonly cases: string;
  readonly decisions: string;
  readonly access: string;
  readonly quarantine: string;
}

/** Access records of one institution sent on a local day (the sort key starts with the instant). */
function sentOn(db: DynamoDBDocumentClient, tables: SourceTables, institutionId: string, day: string) {
  return queryAll(db, {
    TableName: tables.access,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :day)',
    ExpressionAttributeValues: { ':pk': `I#${institutionId}`, ':day': day },
  });
}

async function rejections(db: DynamoDBDocumentClient, tables: SourceTables, institutionId: string, day: string) {
  const { startMs, endMs } = dayBounds(day);
  const items = await queryAll(db, {
    TableName: tables.quarantine,
    IndexName: 'byQueueOwner',
    KeyConditionExpression: 'queueOwnerId = :owner',
    ExpressionAttributeValues: { ':owner': institutionId },
  });
  const refs = new Set(
    items
      .filter((i) => epochMs(String(i.receivedAt)) >= startMs && epochMs(String(i.receivedAt)) < endMs)
      .map((i) => String(i.pk).split('#part-')[0]),
  );
  return refs.size;
}

export type DayFigures = Map<string, Counts>;

function into(figures: DayFigures, institutionId: string, counts: Counts) {
  figures.set(institutionId, addCounts(figures.get(institutionId) ?? {}, counts));
}

/** Every institution's figures of one local day, as the source records say. */
export async function recomputeDay(
  db: DynamoDBDocumentClient,
  tables: SourceTables,
  registry: Registry,
  day: string,
): Promise<DayFigures> {
  const figures: DayFigures = new Map();
  const { startMs, endMs } = dayBounds(day);
  const service = registry.service.id;
  into(figures, service, {});
  for (const inst of registry.institutions) {
    if (inst.kind === 'PROCURATORATE') continue;
    into(figures, inst.id, { rejections: await rejections(db, tables, inst.id, day) });
    if (inst.kind === 'ENFORCING_COURT') {
      const sent = await sentOn(db, tables, inst.id, day);
      const requestIds = new Set(
        sent.filter((a) => a.schema === 'linkage.verification-request.v1').map((a) => String(a.requestId)),
      );
      into(figures, inst.id, { requestsReceived: requestIds.size });
      // Requests asked on `day` are due at the end of its 7th day after: a narrow dueAt range.
      const requests = await queryAll(db, {
        TableName: tables.cases,
        IndexName: 'requestsByEnforcingCourt',
        KeyConditionExpression: 'enforcingCourtId = :court AND dueAt BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':court': inst.id,
          ':from': new Date(dayBounds(addDays(day, 1)).startMs).toISOString(),
          ':to': new Date(dayBounds(addDays(day, 40)).startMs).toISOString(),
        },
      });
      for (const r of requests) {
        const body = r.body as { requestedAt: string; dueBy: string };
        if (!r.sent || !r.answeredAt || localDay(body.requestedAt) !== day) continue;
        into(figures, inst.id, answerCounts(body, String(r.answeredAt)));
      }
    } else if (inst.kind === 'PRISON') {
      const applications = await queryAll(db, {
        TableName: tables.cases,
        IndexName: 'byPrison',
        KeyConditionExpression: 'prisonId = :prison AND firstSubmittedUtc BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':prison': inst.id,
          ':from': new Date(startMs).toISOString(),
          ':to': new Date(endMs - 1).toISOString(),
        },
      });
      for (const a of applications) {
        if (!a.revision) continue;
        const id = String(a.applicationId);
        // Revision 1 alone, unless there are later ones (the materials may have been completed).
        const history =
          Number(a.revision) > 1
            ? await revisionFlags(db, tables.decisions, id)
            : [(await findRevision(db, tables.decisions, id, 1))?.flag];
        const [first] = history;
        if (!first || first.revision !== 1) continue;
        into(figures, inst.id, prisonFirstRevisionCounts(first));
        for (const [i, flag] of history.entries()) {
          const completed =
            flag &&
            materialsCompletedCounts(flag, history.slice(0, i) as FulfilmentFlag[], String(a.firstSubmittedUtc));
          if (completed) into(figures, inst.id, completed);
        }
      }
    } else if (inst.kind === 'HEARING_COURT') {
      const sent = await sentOn(db, tables, inst.id, day);
      const flags = new Map<string, { applicationId: string; revision: number }>();
      for (const a of sent)
        if (a.schema === 'linkage.fulfilment-flag.v1' && a.role === 'HEARING_COURT')
          flags.set(String(a.messageId), { applicationId: String(a.applicationId), revision: Number(a.revision) });
      for (const { applicationId, revision: n } of flags.values()) {
        const history = await revisionFlags(db, tables.decisions, applicationId);
        const flag = history.find((f) => f.revision === n);
        if (!flag) continue;
        into(figures, inst.id, hearingCourtFlagCounts(flag.decision));
        const earlier = needsHistory(flag) ? history.filter((f) => f.revision < n) : [];
        into(figures, service, serviceFlagCounts(flag, earlier));
      }
      await rulingsOn(db, tables, inst.id, day, figures);
    }
  }
  return figures;
}

async function rulingsOn(
  db: DynamoDBDocumentClient,
  tables: SourceTables,
  courtId: string,
  day: string,
  figures: DayFigures,
) {
  const applications = await queryAll(db, {
    TableName: tables.cases,
    IndexName: 'byHearingCourt',
    KeyConditionExpression: 'hearingCourtId = :court',
    ExpressionAttributeValues: { ':court': courtId },
  });
  for (const a of applications) {
    const rulings = Object.values(
      (a.rulings ?? {}) as Record<string, { body: { outcome: string }; senderId: string; receivedAt: string }>,
    );
    const today = rulings.filter((r) => localDay(r.receivedAt) === day);
    if (today.length === 0) continue;
    const history = await revisionFlags(db, tables.decisions, String(a.applicationId));
    // The decision in force when the ruling came: the last revision decided without a ruling.
    const before: Decision | undefined = history.filter((f: FulfilmentFlag) => !f.ruling).at(-1)?.decision;
    for (const r of today) into(figures, r.senderId, rulingCounts(r.body.outcome, before));
  }
}
