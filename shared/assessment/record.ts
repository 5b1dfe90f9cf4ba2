// The pipeline's hooks into the assessment figures: one call at each counted event (see
// docs/assessment.md for where each is called). Each hook is idempotent (countEvent refuses a
// token it has counted), so a redelivered message or a retried evaluation changes no figure.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FulfilmentFlag } from '../contract/fulfilment-flag.ts';
import type { EnforcementStatusMessage } from '../contract/messages.ts';
import type { Registry } from '../resources/registry.ts';
import type { TableId } from '../resources/tables.ts';
import { answers } from '../rules/requests.ts';
import type { ReceivedStatus } from '../rules/facts.ts';
import { revisionFlags } from '../storage/decision-store.ts';
import type { StoredApplication, StoredRequest } from '../storage/records.ts';
import { markRequestAnswered } from '../storage/request-store.ts';
import { epochMs } from '../time/calendar.ts';
import {
  answerCounts,
  hearingCourtFlagCounts,
  materialsCompletedCounts,
  needsHistory,
  nonZero,
  prisonFirstRevisionCounts,
  rulingCounts,
  serviceFlagCounts,
  statusCounts,
} from './contributions.ts';
import { countEvent, eventToken } from './counter-store.ts';
import type { Counts } from './figures.ts';
import { localDay } from './periods.ts';

/** What a hook needs: the assessment table, and the other tables `T` it reads or marks. */
export interface AssessmentDependencies<T extends TableId = never> {
  readonly db: DynamoDBDocumentClient;
  readonly env: { readonly tables: Readonly<Record<'assessment' | T, string>> };
  readonly registry: Registry;
}

async function add(
  deps: AssessmentDependencies,
  institutionId: string,
  instant: string,
  token: string,
  counts: Counts,
) {
  const increments = nonZero(counts);
  // Nothing to add (most revisions change none of the linkage's own figures): no write. The
  // token only guards an increment, so an event that increments nothing needs no mark.
  if (Object.keys(increments).length === 0) return;
  const event = { institutionId, day: localDay(instant), token, add: increments };
  await countEvent(deps.db, deps.env.tables.assessment, event);
}

/** ingest-status, after the status is stored: on the day the court sent it (its sentAt). */
export function assessStatus(deps: AssessmentDependencies, message: EnforcementStatusMessage): Promise<void> {
  const token = eventToken('status', message.sender.id, message.messageId);
  return add(deps, message.sender.id, message.sentAt, token, statusCounts(message.body));
}

/** Any ingest, after a rejection is quarantined: the queue owner's, on the day it was received. */
export function assessRejection(
  deps: AssessmentDependencies,
  ownerId: string,
  quarantineRef: string,
  receivedAt: string,
): Promise<void> {
  return add(deps, ownerId, receivedAt, eventToken('rejection', quarantineRef), { rejections: 1 });
}

/** evaluate, after a verification request went out: the enforcing court's, on the day it was sent. */
export function assessRequestSent(deps: AssessmentDependencies, request: StoredRequest, now: string): Promise<void> {
  return add(deps, request.enforcingCourtId, now, eventToken('request', request.body.requestId), {
    requestsReceived: 1,
  });
}

/**
 * evaluate, after a revision was delivered (the hearing court's access record is its time
 * stamp): the hearing court's flags by decision, the linkage's figures, and with revision 1
 * the prison's dossier figures (on the day of the first submission), and the prison's
 * materials completed with the first revision that no longer misses any.
 */
export async function assessDelivery(
  deps: AssessmentDependencies<'decisions'>,
  application: StoredApplication,
  flag: FulfilmentFlag,
  messageId: string,
  now: string,
): Promise<void> {
  const token = eventToken('flag', messageId);
  await add(deps, application.dossier.hearingCourtId, now, token, hearingCourtFlagCounts(flag.decision));
  const { db, env } = deps;
  const earlier = needsHistory(flag)
    ? await revisionFlags(db, env.tables.decisions, application.applicationId, flag.revision)
    : [];
  await add(deps, deps.registry.service.id, now, token, serviceFlagCounts(flag, earlier));
  if (flag.revision === 1)
    await add(deps, application.prisonId, application.firstSubmittedAt, token, prisonFirstRevisionCounts(flag));
  // Once per application (its own token), on the day of the first submission, as completeAtFirst.
  const completed = materialsCompletedCounts(flag, earlier, application.firstSubmittedAt);
  if (completed)
    await add(
      deps,
      application.prisonId,
      application.firstSubmittedAt,
      eventToken('materials', application.applicationId),
      completed,
    );
}

/** When a request was first answered: the earliest receipt of a status answering it. */
export function answeredAt(request: StoredRequest, statuses: readonly ReceivedStatus[]): string | undefined {
  const times = statuses.filter((s) => answers(s, request.body)).map((s) => s.receivedAt ?? s.sentAt);
  return times.sort((a, b) => epochMs(a) - epochMs(b))[0];
}

/**
 * evaluate, for each application (it holds the prisoner's statuses and requests): requests
 * newly answered (counted on the request's day, then marked on the request: counting first,
 * so a crash in between is repaired by the retry, whose count the token refuses), and rulings
 * (on the day received, against the decision in force). Called before the evaluation's final
 * write: an application stored as closed had its rulings counted by the run that closed it.
 */
export async function assessEvaluation(
  deps: AssessmentDependencies<'cases'>,
  personId: string,
  application: StoredApplication,
  requests: readonly StoredRequest[],
  statuses: readonly ReceivedStatus[],
): Promise<void> {
  for (const request of requests) {
    if (!request.sent || request.answeredAt) continue;
    const at = answeredAt(request, statuses);
    if (!at) continue;
    const token = eventToken('answer', request.body.requestId);
    await add(deps, request.enforcingCourtId, request.body.requestedAt, token, answerCounts(request.body, at));
    await markRequestAnswered(deps.db, deps.env.tables.cases, personId, request.body.requestId, at);
  }
  if (application.closed) return;
  for (const ruling of Object.values(application.rulings)) {
    const token = eventToken('ruling', application.applicationId, ruling.body.rulingRef);
    await add(deps, ruling.senderId, ruling.receivedAt, token, rulingCounts(ruling.body.outcome, application.decision));
  }
}
