// The evaluate use case: one prisoner, loaded with one consistent query; for each affected
// application, four steps: run the engine after asking enforcing courts what is missing (then
// the flag names the reply's due date); record a new revision only when the flag changed (the
// revision ledger, ledger.ts); deliver what is undelivered; and end with one conditional
// update of the application (revision, delivered mark, the engine's nextChangeAt as the next
// deadline check).
// Runs only one at a time per prisoner (FIFO group), and every step is idempotent, so a
// retry after a crash at any point converges on the same state.
import { assessEvaluation } from '../../assessment/record.ts';
import type { VerificationRequest } from '../../contract/verification-request.ts';
import { logger } from '../../powertools/logger.ts';
import { count, METRIC } from '../../powertools/metrics.ts';
import type { EvaluationRequest } from '../../queues/evaluation-requests.ts';
import { evaluate, type Evaluation } from '../../rules/evaluate.ts';
import type { CaseFacts } from '../../rules/facts.ts';
import { DEFAULT_POLICY } from '../../rules/policy.ts';
import { indexInstant, saveEvaluation, type EvaluationChanges } from '../../storage/evaluation-store.ts';
import { loadPrisoner, type PrisonerRecord } from '../../storage/prisoner-store.ts';
import type { StoredApplication } from '../../storage/records.ts';
import { dossierOffset } from '../../rules/periods.ts';
import { epochMs } from '../../time/calendar.ts';
import { factsOf, receivedStatuses, requestsOf } from './facts.ts';
import { RevisionLedger, type EvaluationDependencies } from './ledger.ts';
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
  // 1. The engine's evaluation, after asking the enforcing courts what it is missing.
  const { evaluation, closed, requestsSent } = await evaluateAndAsk(deps, prisoner, application, now);
  // 2. A new revision only when the flag changed (send is false once the application is
  //    closed, or granted with nothing to correct: no flags then).
  const ledger = new RevisionLedger(deps, application);
  if (evaluation.send) await ledger.record(evaluation.flag, trigger, now);
  else await ledger.adoptOrphan();
  // 3. Whatever is undelivered goes out.
  const flagsDelivered = await ledger.deliver(now);
  // 4. The one write of the application item: revision, delivered mark, next deadline check.
  const schedule = scheduleChange(application, evaluation, closed);
  const ref = { personId: application.dossier.prisoner.personId, applicationId };
  const requests = requestsOf(prisoner, applicationId);
  await assessEvaluation(deps, ref.personId, application, requests, receivedStatuses(prisoner));
  await saveEvaluation(deps.db, deps.env.tables.cases, ref, { ...ledger.changes(), ...schedule.changes });
  const fresh = ledger.newRevision;
  if (fresh) count(METRIC.decisions, { name: 'decision', value: fresh.flag.decision });

  const result: ApplicationResult = {
    applicationId,
    decision: ledger.recorded?.flag.decision ?? application.decision ?? evaluation.flag.decision,
    revision: ledger.revision,
    newRevision: ledger.recorded !== undefined,
    flagsDelivered,
    requestsSent,
    closed,
  };
  logger.info('application evaluated', { ...result, trigger, nextCheckAt: schedule.nextIndexed });
  return result;
}

/**
 * Runs the engine; with no ruling yet, sends the verification requests it needs first (a
 * request sent now is a fact of the flag: its due date, its deadline) and evaluates again.
 * With a ruling, what a crash left unsent is withdrawn, not lost.
 */
async function evaluateAndAsk(
  deps: EvaluationDependencies,
  prisoner: PrisonerRecord,
  application: StoredApplication,
  now: string,
): Promise<{ evaluation: Evaluation; closed: boolean; requestsSent: number }> {
  const { applicationId } = application;
  const personId = application.dossier.prisoner.personId;
  const policy = DEFAULT_POLICY;
  const facts = factsOf(prisoner, application);
  const evaluation = evaluate(facts, policy, now);
  const stored = requestsOf(prisoner, applicationId);
  if (evaluation.flag.ruling !== undefined) {
    await withdrawUnsent(deps, personId, stored, now);
    return { evaluation, closed: evaluation.closed, requestsSent: 0 };
  }
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
  return {
    evaluation:
      verification.created.length > 0 ? evaluate(withRequests(facts, verification.created), policy, now) : evaluation,
    // Whether the application is closed does not depend on the questions asked.
    closed: evaluation.closed,
    requestsSent: verification.sent,
  };
}

/** The engine says when time alone changes the flag; the deadline sweep looks again then. */
function scheduleChange(
  application: StoredApplication,
  evaluation: Evaluation,
  closed: boolean,
): { changes: Pick<EvaluationChanges, 'schedule'>; nextIndexed: string | undefined } {
  const next = evaluation.flag.nextChangeAt ? epochMs(evaluation.flag.nextChangeAt) : undefined;
  const nextIndexed = next === undefined ? undefined : indexInstant(next);
  const changed = nextIndexed !== application.nextCheckAt || closed !== (application.closed ?? false);
  return { changes: changed ? { schedule: { closed, nextCheckAtMs: next } } : {}, nextIndexed };
}

function withRequests(facts: CaseFacts, created: readonly VerificationRequest[]): CaseFacts {
  return { ...facts, requests: [...facts.requests, ...created] };
}
