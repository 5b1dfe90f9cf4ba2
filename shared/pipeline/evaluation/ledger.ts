// The revision ledger of one application: the flag revisions in the decisions table, the one
// the application item is at ("committed") and the last one delivered. Without transactions:
//   record      writes revision n+1 (append-only, `attribute_not_exists`); finding an orphan
//               there (a run that died before its final update), it adopts it first;
//   adoptOrphan when no new flag may go out, still finishes what an earlier run recorded;
//   deliver     sends every revision after the last one delivered, oldest first;
//   changes     what the evaluation's one final update of the application writes for it.
// Until that update lands a new revision is an orphan the next run adopts, and an undelivered
// one is delivered again; there is never more than one orphan.
import { assessDelivery } from '../../assessment/record.ts';
import type { FulfilmentFlag } from '../../contract/fulfilment-flag.ts';
import { count, METRIC } from '../../powertools/metrics.ts';
import { findRevision, getRevision, putRevision, type Revision } from '../../storage/decision-store.ts';
import { commitRevision, markDelivered, type EvaluationChanges } from '../../storage/evaluation-store.ts';
import { personIdOfPk } from '../../storage/keys.ts';
import type { StoredApplication } from '../../storage/records.ts';
import type { Dependencies } from '../dependencies.ts';
import { flagMessageId, sendFlag } from './delivery.ts';
import { fingerprintOf } from './fingerprint.ts';

export type EvaluationDependencies = Dependencies<'cases' | 'decisions' | 'access' | 'assessment'>;

export class RevisionLedger {
  private readonly deps: EvaluationDependencies;
  private readonly application: StoredApplication;
  private readonly ref: { readonly personId: string; readonly applicationId: string };
  /** The revision the application item is at (moves when an orphan is adopted). */
  private committed: number;
  /** The newest revision this run recorded or adopted. */
  private latest: Revision | undefined;
  private delivered = 0;

  constructor(deps: EvaluationDependencies, application: StoredApplication) {
    this.deps = deps;
    this.application = application;
    this.ref = { personId: personIdOfPk(application.pk), applicationId: application.applicationId };
    this.committed = application.revision ?? 0;
  }

  /** The newest revision: recorded or adopted by this run, else the one the application is at. */
  get revision(): number {
    return this.latest?.revision ?? this.committed;
  }

  /** The revision this run recorded or adopted, if any. */
  get recorded(): Revision | undefined {
    return this.latest;
  }

  /** Records the flag as the next revision, unless it is the one the application already holds. */
  async record(flag: FulfilmentFlag, trigger: string, now: string): Promise<void> {
    const fingerprint = fingerprintOf(flag);
    if (fingerprint === this.application.fingerprint) return;
    const { db, env } = this.deps;
    const start = this.committed;
    // At most one orphan can exist (it is adopted before the next revision is written).
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const revision = this.committed + 1;
      const candidate: Revision = {
        applicationId: this.ref.applicationId,
        revision,
        flag: { ...flag, revision },
        fingerprint,
        trigger,
        recordedAt: now,
      };
      if (await putRevision(db, env.tables.decisions, candidate)) {
        this.latest = candidate;
        return;
      }
      const orphan = await getRevision(db, env.tables.decisions, this.ref.applicationId, revision);
      await commitRevision(db, env.tables.cases, this.ref, {
        previous: this.committed,
        revision,
        fingerprint: orphan.fingerprint,
        decision: orphan.flag.decision,
        evaluatedAt: orphan.recordedAt,
      });
      count(METRIC.decisions, { name: 'decision', value: orphan.flag.decision });
      this.committed = revision;
      if (orphan.fingerprint === fingerprint) {
        this.latest = orphan;
        return;
      }
    }
    throw new Error(
      `application ${this.ref.applicationId}: revisions ${start + 1} and ${start + 2} both exist uncommitted`,
    );
  }

  /**
   * No new flag may go out, but a revision an earlier run recorded and began to deliver before
   * it died (the application closed before the retry) is finished: adopted and delivered, so
   * every recipient holds what the others may already have.
   */
  async adoptOrphan(): Promise<void> {
    const { db, env } = this.deps;
    const orphan = await findRevision(db, env.tables.decisions, this.ref.applicationId, this.committed + 1);
    if (orphan) this.latest = orphan;
  }

  /**
   * Sends every revision after the last one delivered, oldest first, up to the newest. Only the
   * ones before the newest are marked delivered here (one is pending only after a crash): the
   * newest one's mark goes into the final update, so a recipient never gets an older revision
   * after a newer one. Returns how many went out.
   */
  async deliver(now: string): Promise<number> {
    const { db, env } = this.deps;
    const last = this.revision;
    for (let next = (this.application.sentRevision ?? 0) + 1; next <= last; next += 1) {
      const pending =
        this.latest?.revision === next
          ? this.latest
          : await getRevision(db, env.tables.decisions, this.ref.applicationId, next);
      await sendFlag(this.deps, this.application, pending.flag, now);
      const messageId = flagMessageId(this.deps.registry.service.id, this.ref.applicationId, next);
      await assessDelivery(this.deps, this.application, pending.flag, messageId, now);
      if (next < last) await markDelivered(db, env.tables.cases, this.ref, next);
      this.delivered += 1;
    }
    return this.delivered;
  }

  /** A revision newer than the one the application is at, which the final update moves it to. */
  get newRevision(): Revision | undefined {
    return this.latest !== undefined && this.latest.revision > this.committed ? this.latest : undefined;
  }

  /** The ledger's part of the final update: the guard, the new revision, the delivered mark. */
  changes(): Pick<EvaluationChanges, 'at' | 'revision' | 'sentRevision'> {
    const fresh = this.newRevision;
    return {
      at: this.committed,
      ...(fresh
        ? {
            revision: {
              revision: fresh.revision,
              fingerprint: fresh.fingerprint,
              decision: fresh.flag.decision,
              evaluatedAt: fresh.recordedAt,
            },
          }
        : {}),
      ...(this.delivered > 0 ? { sentRevision: this.revision } : {}),
    };
  }
}
