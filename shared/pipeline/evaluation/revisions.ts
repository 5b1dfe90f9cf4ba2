// Recording a new flag revision without transactions: first the revision itself (append-only,
// `attribute_not_exists`); the application moves to it only at the end of the evaluation, in
// its one conditional update (condition: still at the revision it was at). A crash in between
// leaves an orphan revision, which the next run finds when it writes the same number: it
// adopts it (moves the application to it) before writing its own, so there is never more
// than one orphan.
import type { FulfilmentFlag } from '../../contract/fulfilment-flag.ts';
import { count, METRIC } from '../../powertools/metrics.ts';
import { getRevision, putRevision, type Revision } from '../../storage/decision-store.ts';
import { commitRevision } from '../../storage/evaluation-store.ts';
import type { Dependencies } from '../dependencies.ts';

export type EvaluationDependencies = Dependencies<'cases' | 'decisions' | 'access'>;

export interface RevisionTarget {
  readonly personId: string;
  readonly applicationId: string;
  /** The revision the application item is at (0: never evaluated). */
  readonly current: number;
}

export interface RecordedRevision {
  /** The revision holding this decision: written now, or an interrupted run's identical one. */
  readonly latest: Revision;
  /** The revision the application item is at now (moved past `current` when an orphan was adopted). */
  readonly committed: number;
}

export async function recordRevision(
  deps: EvaluationDependencies,
  target: RevisionTarget,
  flag: FulfilmentFlag,
  fingerprint: string,
  trigger: string,
  now: string,
): Promise<RecordedRevision> {
  const { db, env } = deps;
  const ref = { personId: target.personId, applicationId: target.applicationId };
  let current = target.current;
  // At most one orphan can exist (it is adopted before the next revision is written).
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const revision = current + 1;
    const candidate: Revision = {
      applicationId: target.applicationId,
      revision,
      flag: { ...flag, revision },
      fingerprint,
      trigger,
      recordedAt: now,
    };
    if (await putRevision(db, env.tables.decisions, candidate)) return { latest: candidate, committed: current };
    const orphan = await getRevision(db, env.tables.decisions, target.applicationId, revision);
    await commitRevision(db, env.tables.cases, ref, {
      previous: current,
      revision,
      fingerprint: orphan.fingerprint,
      decision: orphan.flag.decision,
      evaluatedAt: orphan.recordedAt,
    });
    count(METRIC.decisions, { name: 'decision', value: orphan.flag.decision });
    if (orphan.fingerprint === fingerprint) return { latest: orphan, committed: revision };
    current = revision;
  }
  throw new Error(
    `application ${target.applicationId}: revisions ${target.current + 1} and ${target.current + 2} both exist uncommitted`,
  );
}
