// Ground truth for the fault run: what the pure engine decides for each application on the
// final facts, that is everything the institutions sent that must have been accepted (the
// newest dossier, the newest version of every status about the prisoner, the rulings) and
// the verification requests the service itself sent. "Now" is the evaluatedAt of the flag
// being judged: the engine is pure, so the same facts at the same instant must give the
// same decision; evaluatedAt and revision are left out of the comparison (fingerprints).
import type { FulfilmentFlag } from '../../../shared/contract/fulfilment-flag.ts';
import type { VerificationRequest } from '../../../shared/contract/verification-request.ts';
import { fingerprintOf } from '../../../shared/pipeline/evaluation/fingerprint.ts';
import { evaluate, type Evaluation } from '../../../shared/rules/evaluate.ts';
import type { CaseFacts } from '../../../shared/rules/facts.ts';
import { DEFAULT_POLICY } from '../../../shared/rules/policy.ts';
import { finalStatusesByPerson, type CaseRecord } from './workload.ts';

export class Oracle {
  private readonly statuses: ReturnType<typeof finalStatusesByPerson>;
  private readonly requests: ReadonlyMap<string, readonly VerificationRequest[]>;

  /** `requests`: every verification request the enforcing courts received, by applicationId. */
  constructor(cases: readonly CaseRecord[], requests: ReadonlyMap<string, readonly VerificationRequest[]>) {
    this.statuses = finalStatusesByPerson(cases);
    this.requests = requests;
  }

  facts(record: CaseRecord): CaseFacts {
    const newest = record.dossiers.reduce((a, b) => (b.body.version > a.body.version ? b : a));
    return {
      dossier: newest.body,
      // Every version of a dossier in the workload carries the same submittedAt.
      firstSubmittedAt: newest.body.submittedAt,
      statuses: [...(this.statuses.get(record.personId)?.values() ?? [])].map((s) => ({
        body: s.body,
        senderId: s.sender.id,
        sentAt: s.sentAt,
      })),
      rulings: record.rulings.map((r) => r.body),
      requests: [...(this.requests.get(record.applicationId) ?? [])],
    };
  }

  decide(record: CaseRecord, now: string): Evaluation {
    return evaluate(this.facts(record), DEFAULT_POLICY, now);
  }
}

export interface Verdict {
  readonly ok: boolean;
  readonly problem?: string;
}

const CLOSING = new Set(['DENIED', 'NOT_FILED', 'WITHDRAWN']);

/**
 * Judges the last flag a recipient holds (the highest revision) and the application's stored
 * decision against the engine. When the engine says no flag may go out any more (a closing
 * ruling, or a grant with nothing to correct), the last flag is whatever preceded that, which
 * the arrival order decides; then only what can be known is checked: no flag was sent that
 * the engine would withhold, and the application is closed exactly when a ruling closes it.
 */
export function judgeFinal(
  oracle: Oracle,
  record: CaseRecord,
  lastFlag: FulfilmentFlag | undefined,
  stored: { fingerprint?: string; closed?: boolean } | undefined,
  nowIfNoFlag: string,
  /** The revision before the last one, when there is one. */
  previousFlag?: FulfilmentFlag,
): Verdict {
  const expected = oracle.decide(record, lastFlag?.evaluatedAt ?? nowIfNoFlag);
  if (expected.send) {
    if (!lastFlag) return { ok: false, problem: `no flag received; the engine decides ${expected.flag.decision}` };
    const want = fingerprintOf(expected.flag);
    if (fingerprintOf(lastFlag) !== want) {
      return {
        ok: false,
        problem: `last flag ${lastFlag.decision} r${lastFlag.revision} [${codes(lastFlag)}], the engine decides ${expected.flag.decision} [${codes(expected.flag)}]`,
      };
    }
    if (stored?.fingerprint !== want)
      return { ok: false, problem: 'the stored decision differs from the flag the engine decides' };
    return { ok: true };
  }
  const ruling = expected.flag.ruling!;
  const closes = CLOSING.has(ruling.outcome);
  if ((stored?.closed ?? false) !== closes)
    return { ok: false, problem: `stored closed=${stored?.closed} after a ${ruling.outcome} ruling` };
  if (lastFlag?.ruling && CLOSING.has(lastFlag.ruling.outcome))
    return { ok: false, problem: `a flag was sent after a ${lastFlag.ruling.outcome} ruling` };
  // Contract v1.1 point 15: after a grant a CLEAR goes out only to correct a flag that was not
  // CLEAR, and a REVOKE or PP-POST-ENFORCE whose finding is gone must have been corrected.
  if (lastFlag?.ruling?.outcome === 'GRANTED' && lastFlag.decision === 'CLEAR') {
    if (!previousFlag || previousFlag.decision === 'CLEAR')
      return { ok: false, problem: 'a CLEAR flag was sent after the grant that corrects nothing' };
    if (fingerprintOf(lastFlag) !== fingerprintOf(expected.flag))
      return { ok: false, problem: 'the correcting CLEAR differs from the flag the engine decides' };
  }
  if (ruling.outcome === 'GRANTED' && lastFlag?.ruling?.outcome === 'GRANTED' && lastFlag.decision !== 'CLEAR')
    return { ok: false, problem: `the last flag is ${lastFlag.decision} after the grant, never corrected to CLEAR` };
  return { ok: true };
}

function codes(flag: FulfilmentFlag): string {
  return flag.reasons.map((r) => r.code).join(' ');
}
