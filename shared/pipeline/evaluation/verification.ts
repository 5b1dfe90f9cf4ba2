// Verification requests (核实函, Art 13(2)) to enforcing courts for missing, stale or
// undocumented statuses. One open request per application, judgment and reason; whether a
// request is open, answered or overdue, and when it is due, is the engine's to say
// (rules/requests.ts, rules/periods.ts): the pipeline keeps no clock of its own.
import type { VerificationRequestMessage } from '../../contract/messages.ts';
import type { Policy } from '../../contract/policy.ts';
import type { VerificationRequest } from '../../contract/verification-request.ts';
import { assessRequestSent } from '../../assessment/record.ts';
import { logger } from '../../powertools/logger.ts';
import { count, METRIC } from '../../powertools/metrics.ts';
import { composeMessageId, sha256Hex } from '../../ids/hashing.ts';
import { sendToInstitution } from '../../queues/outbound.ts';
import type { ReceivedStatus } from '../../rules/facts.ts';
import type { VerificationNeed } from '../../rules/freshness.ts';
import { replyDueBy } from '../../rules/periods.ts';
import { hasOpenRequest } from '../../rules/requests.ts';
import { recordAccess } from '../../storage/access-store.ts';
import type { StoredRequest } from '../../storage/records.ts';
import { markRequestSent, markRequestWithdrawn, putRequest } from '../../storage/request-store.ts';
import { epochMs } from '../../time/calendar.ts';
import { institutionOfKind } from '../registry.ts';
import type { EvaluationDependencies } from './ledger.ts';

/** The contract allows 1..100 item numbers; more than that asks about the whole judgment. */
const MAX_ITEM_NOS = 100;
/** Hex digits of the hash in a request id (`VR-` + 24: 96 bits, no collision in any real volume). */
const REQUEST_ID_DIGITS = 24;

async function send(
  deps: EvaluationDependencies,
  personId: string,
  request: StoredRequest,
  now: string,
): Promise<void> {
  const service = deps.registry.service.id;
  const message: VerificationRequestMessage = {
    schema: 'linkage.verification-request.v1',
    messageId: request.messageId,
    sentAt: now,
    sender: { kind: 'SERVICE', id: service },
    body: request.body,
  };
  await recordAccess(deps.db, deps.env.tables.access, {
    institutionId: request.enforcingCourtId,
    sentAt: now,
    messageId: message.messageId,
    schema: message.schema,
    applicationId: request.body.applicationId,
    role: 'ENFORCING_COURT',
    requestId: request.body.requestId,
  });
  await sendToInstitution(deps.sqs, deps.env, request.enforcingCourtId, message);
  // Counted before it is marked sent: a crash in between leaves it unsent, so the retry sends
  // it again (the court drops the copy by its messageId) and its count is refused by the token.
  // Marked first, a crash there would leave it sent and never counted.
  await assessRequestSent(deps, request, now);
  await markRequestSent(deps.db, deps.env.tables.cases, personId, request.body.requestId);
  count(METRIC.verificationRequestsSent);
}

export interface VerificationInput {
  readonly personId: string;
  readonly applicationId: string;
  /** The application's prison, for its procuratorate's request list. */
  readonly prisonId: string;
  readonly needs: readonly VerificationNeed[];
  /** Requests stored for this application. */
  readonly requests: readonly StoredRequest[];
  readonly statuses: readonly ReceivedStatus[];
  readonly policy: Policy;
  /** The dossier's offset: a reply is due at the end of a day counted in it. */
  readonly offsetMinutes: number;
}

export interface VerificationResult {
  readonly sent: number;
  /** Requests created by this call: their dueBy is a new deadline. */
  readonly created: readonly VerificationRequest[];
}

/**
 * The id of the request for a need: the need itself (application, judgment, reason) and how
 * many requests for it came before (an overdue one is asked again as the next round). A retried
 * or concurrent evaluation that sees the same stored requests derives the same id, so one need
 * yields one request, however often the evaluation runs.
 */
export function requestIdFor(
  applicationId: string,
  need: Pick<VerificationNeed, 'judgmentId' | 'reason'>,
  stored: readonly StoredRequest[],
): string {
  const round = stored.filter((r) => r.body.judgmentId === need.judgmentId && r.body.reason === need.reason).length;
  return `VR-${sha256Hex(applicationId, need.judgmentId, need.reason, String(round + 1)).slice(0, REQUEST_ID_DIGITS)}`;
}

/** Sends what a crash left unsent, then a new request for each need with none open. */
export async function requestVerifications(
  deps: EvaluationDependencies,
  input: VerificationInput,
  now: string,
): Promise<VerificationResult> {
  const nowMs = epochMs(now);
  const service = deps.registry.service.id;
  let sent = 0;
  const created: VerificationRequest[] = [];
  for (const unsent of input.requests.filter((r) => !r.sent && !r.withdrawnAt)) {
    await send(deps, input.personId, unsent, now);
    sent += 1;
  }
  const stored = input.requests.map((r) => r.body);
  for (const need of input.needs) {
    if (hasOpenRequest(need, stored, input.statuses, nowMs)) continue;
    if (!institutionOfKind(deps.registry, need.enforcingCourtId, 'ENFORCING_COURT')) {
      logger.warn('verification needed from an institution that is not a registered enforcing court', {
        applicationId: input.applicationId,
        enforcingCourtId: need.enforcingCourtId,
      });
      continue;
    }
    const requestId = requestIdFor(input.applicationId, need, input.requests);
    const request = await putRequest(deps.db, deps.env.tables.cases, input.personId, {
      body: {
        requestId,
        applicationId: input.applicationId,
        judgmentId: need.judgmentId,
        ...(need.itemNos.length > 0 && need.itemNos.length <= MAX_ITEM_NOS ? { itemNos: [...need.itemNos] } : {}),
        reason: need.reason,
        requestedAt: now,
        dueBy: replyDueBy(now, input.policy, input.offsetMinutes),
      },
      enforcingCourtId: need.enforcingCourtId,
      messageId: composeMessageId(`${service}:vr:`, requestId),
      prisonId: input.prisonId,
    });
    await send(deps, input.personId, request, now);
    created.push(request.body);
    sent += 1;
  }
  return { sent, created };
}

/**
 * Once a ruling settles the application, no question to a court is pending any more: a request
 * a crash left stored but unsent is withdrawn, explicitly, so none is ever silently lost.
 */
export async function withdrawUnsent(
  deps: EvaluationDependencies,
  personId: string,
  requests: readonly StoredRequest[],
  now: string,
): Promise<number> {
  const unsent = requests.filter((r) => !r.sent && !r.withdrawnAt);
  for (const request of unsent) {
    await markRequestWithdrawn(deps.db, deps.env.tables.cases, personId, request.body.requestId, now);
    count(METRIC.verificationRequestsWithdrawn);
  }
  if (unsent.length > 0) {
    logger.info('unsent verification requests withdrawn after a ruling', {
      applicationId: unsent[0]!.body.applicationId,
      requestIds: unsent.map((r) => r.body.requestId),
    });
  }
  return unsent.length;
}
