// The evaluate use case: one prisoner, loaded with one consistent query; for each affected
// application, run the engine, ask enforcing courts what is missing (then the flag names the
// reply's due date), record a new revision only when the flag changed, deliver what is
// undelivered, and end with one conditional update of the application (revision, delivered
// mark, and the engine's nextChangeAt as the next deadline check).
// Runs only one at a time per prisoner (FIFO group), and every step is idempotent, so a
// retry after a crash at any point converges on the same state.
import type { VerificationRequest } from '../../contract/verification-request.ts';
import { logger } from '../../powertools/logger.ts';
import { count, METRIC } from '../../powertools/metrics.ts';
import type { EvaluationRequest } from '../../queues/evaluation-requests.ts';
import { evaluate } from '../../rules/evaluate.ts';
import type { CaseFacts } from '../../rules/facts.ts';
import { DEFAULT_POLICY } from '../../rules/policy.ts';
import { findRevision, type Revision } from '../../storage/decision-store.ts';
import { indexInstant, saveEvaluation, type EvaluationChanges } from '../../storage/evaluation-store.ts';
import { loadPrisoner, type PrisonerRecord } from '../../storage/prisoner-store.ts';
import type { StoredApplication } from '../../storage/records.ts';
import { dossierOffset } from '../../rules/periods.ts';
import { epochMs } from '../../time/calendar.ts';
import { deliverPending } from './delivery.ts';
import { factsOf, receivedStatuses, requestsOf } from './facts.ts';
import { fingerprintOf } from './fingerprint.ts';
import { recordRevision, type EvaluationDependencies } from './revisions.ts';
import { requestVerifications, withdrawUnsent } from './verification.ts';

export interface ApplicationResult {
  readonly applicationId: string;
  readonly decision: string;
  readonly revision: number;
  readonly newRevision: boolean;
  readonly flagsDelivered: number;
  readonly requestsSent: number;
  readonly closed: boolean;
}

export async function evaluatePrisoner(
  deps: EvaluationDependencies,
  request: EvaluationRequest,
): Promise<ApplicationResult[]> {
  const now = deps.clock();
  const prisoner = await loadPrisoner(deps.db, deps.env.tables.cases, request.personId);
  const wanted = request.applicationIds ? new Set(request.applicationIds) : undefined;
  const results: ApplicationResult[] = [];
  for (const application of prisoner.applications) {
    if (wanted && !wanted.has(application.applicationId)) continue;
    results.push(await evaluateApplication(deps, prisoner, application, request.trigger, now));
  }
  const missing = [...(wanted ?? [])].filter((id) => !prisoner.applications.some((a) => a.applicationId === id));
  if (missing.length > 0)
    logger.warn('applications to evaluate not found', { applicationIds: missing, trigger: request.trigger });
  return results;
}

async function evaluateApplication(
  deps: EvaluationDependencies,
  prisoner: PrisonerRecord,
  application: StoredApplication,
  trigger: string,
  now: string,
): Promise<ApplicationResult> {
  const { applicationId } = application;
  const personId = application.dossier.prisoner.personId;
  const policy = DEFAULT_POLICY;
  const facts = factsOf(prisoner, application);
  let evaluation = evaluate(facts, policy, now);
  const { closed } = evaluation;
  const stored = requestsOf(prisoner, applicationId);

  let requestsSent = 0;
  if (evaluation.flag.ruling === undefined) {
    // Questions first: a request sent now is a fact of the flag (its due date, its deadline).
    const verification = await requestVerifications(
      deps,
      {
        personId,
        applicationId,
        prisonId: application.prisonId,
        needs: evaluation.verificationNeeds,
        requests: stored,
        statuses: receivedStatuses(prisoner),
        policy,
        offsetMinutes: dossierOffset(application.dossier.submittedAt),
      },
      now,
    );
    requestsSent = verification.sent;
    if (verification.created.length > 0) evaluation = evaluate(withRequests(facts, verification.created), policy, now);
  } else {
    // A ruling settles the application: what a crash left unsent is withdrawn, not lost.
    await withdrawUnsent(deps, personId, stored, now);
  }

  // `committed`: the revision the application item is at; `revision`: the newest recorded.
  let committed = application.revision ?? 0;
  let revision = committed;
  let latest: Revision | undefined;
  // send is false once the application is closed, or granted with nothing to correct: no flags then.
  if (evaluation.send) {
    const fingerprint = fingerprintOf(evaluation.flag);
    if (fingerprint !== application.fingerprint) {
      const recorded = await recordRevision(
        deps,
        { personId, applicationId, current: committed },
        evaluation.flag,
        fingerprint,
        trigger,
        now,
      );
      latest = recorded.latest;
      committed = recorded.committed;
      revision = latest.revision;
    }
  } else {
    // No new flag may go out, but a revision an earlier run recorded and began to deliver
    // before it died (the application closed before the retry) is finished: adopted and
    // delivered, so every recipient holds what the others may already have.
    const orphan = await findRevision(deps.db, deps.env.tables.decisions, applicationId, committed + 1);
    if (orphan) {
      latest = orphan;
      revision = orphan.revision;
    }
  }
  const flagsDelivered = await deliverPending(deps, application, revision, now, latest);

  // The engine says when time alone changes the flag; the deadline sweep looks again then.
  const next = evaluation.flag.nextChangeAt ? epochMs(evaluation.flag.nextChangeAt) : undefined;
  const nextIndexed = next === undefined ? undefined : indexInstant(next);
  const newRevision = latest !== undefined && latest.revision > committed ? latest : undefined;
  const changes: EvaluationChanges = {
    at: committed,
    ...(newRevision
      ? {
          revision: {
            revision: newRevision.revision,
            fingerprint: newRevision.fingerprint,
            decision: newRevision.flag.decision,
            evaluatedAt: newRevision.recordedAt,
          },
        }
      : {}),
    ...(flagsDelivered > 0 ? { sentRevision: revision } : {}),
    ...(nextIndexed !== application.nextCheckAt || closed !== (application.closed ?? false)
      ? { schedule: { closed, nextCheckAtMs: next } }
      : {}),
  };
  // The one write of the application item: until it lands, the revision is an orphan that
  // the next run adopts, and an undelivered revision is delivered again.
  await saveEvaluation(deps.db, deps.env.tables.cases, { personId, applicationId }, changes);
  if (newRevision) count(METRIC.decisions, { name: 'decision', value: newRevision.flag.decision });

  const result: ApplicationResult = {
    applicationId,
    decision: latest?.flag.decision ?? application.decision ?? evaluation.flag.decision,
    revision,
    newRevision: latest !== undefined,
    flagsDelivered,
    requestsSent,
    closed,
  };
  logger.info('application evaluated', { ...result, trigger, nextCheckAt: nextIndexed });
  return result;
}

function withRequests(facts: CaseFacts, created: readonly VerificationRequest[]): CaseFacts {
  return { ...facts, requests: [...facts.requests, ...created] };
}
