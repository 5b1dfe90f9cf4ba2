// Recording a new flag revision without transactions: first the revision itself (append-only,
// `attribute_not_exists`), then the application moves to it (conditional on the revision it
// was at). A crash between the two leaves an orphan revision that the next run adopts.
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

export async function recordRevision(
  deps: EvaluationDependencies,
  target: RevisionTarget,
  flag: FulfilmentFlag,
  fingerprint: string,
  trigger: string,
  now: string,
): Promise<Revision> {
  const { db, env } = deps;
  const ref = { personId: target.personId, applicationId: target.applicationId };
  let current = target.current;
  // At most one orphan can exist (the application moves before the next revision is written).
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
    if (await putRevision(db, env.tables.decisions, candidate)) {
      await commitRevision(db, env.tables.cases, ref, {
        previous: current,
        revision,
        fingerprint,
        decision: flag.decision,
        evaluatedAt: now,
      });
      count(METRIC.decisions, { name: 'decision', value: flag.decision });
      return candidate;
    }
    const orphan = await getRevision(db, env.tables.decisions, target.applicationId, revision);
    await commitRevision(db, env.tables.cases, ref, {
      previous: current,
      revision,
      fingerprint: orphan.fingerprint,
      decision: orphan.flag.decision,
      evaluatedAt: orphan.recordedAt,
    });
    count(METRIC.decisions, { name: 'decision', value: orphan.flag.decision });
    if (orphan.fingerprint === fingerprint) return orphan;
    current = revision;
  }
  throw new Error(
    `application ${target.applicationId}: revisions ${target.current + 1} and ${target.current + 2} both exist uncommitted`,
  );
}
