// Ground truth for the fault run: what the pure engine decides for each application on the
// final facts, that is everything the institutions sent that must have been accepted (the
// newest dossier, the newest version of every status about the prisoner, the rulings) and
// the verification requests the service itself sent. "Now" is the evaluatedAt of the flag
// being judged: the engine is pure, so the same facts at the same instant must give the
// same decision; evaluatedAt and revision are left out of the comparison (fingerprints).
import { isDeepStrictEqual } from 'node:util';
import type { FulfilmentFlag } from '../../../shared/contract/fulfilment-flag.ts';
import type { EnforcementStatusMessage } from '../../../shared/contract/messages.ts';
import type { VerificationRequest } from '../../../shared/contract/verification-request.ts';
import { fingerprintOf } from '../../../shared/pipeline/evaluation/fingerprint.ts';
import { evaluate, type Evaluation } from '../../../shared/rules/evaluate.ts';
import type { CaseFacts } from '../../../shared/rules/facts.ts';
import { DEFAULT_POLICY } from '../../../shared/rules/policy.ts';
import { finalStatusesByPerson, type CaseRecord } from './workload.ts';

export class Oracle {
  private readonly statuses: ReturnType<typeof finalStatusesByPerson>;
  private readonly requests: ReadonlyMap<string, readonly VerificationRequest[]>;
  private readonly receivedAt: (status: EnforcementStatusMessage) => string | undefined;

  /**
   * `requests`: every verification request the enforcing courts received, by applicationId.
   * `receivedAt`: when the service received a status version (its stored receipt time), which
   * decides whether it can answer a request (rules/requests.ts); without it a status with a
   * court clock ahead of the service's would answer requests the pipeline rightly keeps open.
   */
  constructor(
    cases: readonly CaseRecord[],
    requests: ReadonlyMap<string, readonly VerificationRequest[]>,
    receivedAt: (status: EnforcementStatusMessage) => string | undefined = () => undefined,
  ) {
    this.statuses = finalStatusesByPerson(cases);
    this.requests = requests;
    this.receivedAt = receivedAt;
  }

  /**
   * The final facts; `withoutRulings`: as they stood before the rulings (sent last) arrived;
   * `lastSent`: the decision of the last flag sent (after a grant it decides whether a CLEAR
   * corrects it, contract v1.1 point 15).
   */
  facts(record: CaseRecord, withoutRulings = false, lastSent?: FulfilmentFlag['decision']): CaseFacts {
    const newest = record.dossiers.reduce((a, b) => (b.body.version > a.body.version ? b : a));
    return {
      dossier: newest.body,
      // Every version of a dossier in the workload carries the same submittedAt.
      firstSubmittedAt: newest.body.submittedAt,
      statuses: [...(this.statuses.get(record.personId)?.values() ?? [])].map((s) => {
        const receivedAt = this.receivedAt(s);
        return { body: s.body, senderId: s.sender.id, sentAt: s.sentAt, ...(receivedAt ? { receivedAt } : {}) };
      }),
      rulings: withoutRulings ? [] : record.rulings.map((r) => r.body),
      requests: [...(this.requests.get(record.applicationId) ?? [])],
      ...(lastSent ? { lastSent: { decision: lastSent } } : {}),
    };
  }

  decide(record: CaseRecord, now: string, withoutRulings = false, lastSent?: FulfilmentFlag['decision']): Evaluation {
    return evaluate(this.facts(record, withoutRulings, lastSent), DEFAULT_POLICY, now);
  }
}

export interface Verdict {
  readonly ok: boolean;
  readonly problem?: string;
}

/** Left out of the comparison: when the flag was computed and its number, not what it says. */
const NOT_DECIDED = new Set(['evaluatedAt', 'revision']);
/** Named first when they differ: what a court reads. */
const HEADLINE = ['decision', 'reasons', 'items', 'remedies'];

const canonical = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => v);
/** Equal as JSON values, whatever the order of object keys (a stored flag is read back through its schema). */
const sameValue = (a: unknown, b: unknown) =>
  isDeepStrictEqual(JSON.parse(canonical(a) ?? 'null'), JSON.parse(canonical(b) ?? 'null'));

/** The fields of two flags that differ (evaluatedAt and revision aside), headline fields first. */
export function flagDifferences(actual: FulfilmentFlag, expected: FulfilmentFlag): string[] {
  const a = actual as unknown as Record<string, unknown>;
  const e = expected as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(e)])].filter((k) => !NOT_DECIDED.has(k));
  const differing = keys.filter((k) => !sameValue(a[k], e[k]));
  return [...HEADLINE.filter((k) => differing.includes(k)), ...differing.filter((k) => !HEADLINE.includes(k))];
}

/**
 * Pipeline vs engine on the same final facts: the last flag a recipient holds (the highest
 * revision) and the application's stored decision must be, field for field (decision,
 * reasons, items, remedies when present, and the rest but the instant and revision number),
 * the flag the pure engine makes from the final facts of the workload. Rulings arrive last
 * (support/workload.ts), so for an application with a ruling after which no flag may go out
 * (a closing ruling, or a grant with nothing new), the last flag is the engine's on every
 * other final fact; and the application is closed exactly when its ruling closes it.
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
  const at = lastFlag?.evaluatedAt ?? nowIfNoFlag;
  // After a grant, whether a flag goes out depends on the last one sent (point 15): a flag that
  // carries the grant was sent after the one before it; any other was the last word so far.
  const sentAfterGrant = lastFlag?.ruling?.outcome === 'GRANTED';
  const final = oracle.decide(record, at, false, (sentAfterGrant ? previousFlag : lastFlag)?.decision);
  const expected = final.send ? final.flag : oracle.decide(record, at, true).flag;
  if (!lastFlag) return { ok: false, problem: `no flag received; the engine decides ${expected.decision}` };
  if (sentAfterGrant && !final.send)
    return { ok: false, problem: `a ${lastFlag.decision} flag went out after the grant that corrects nothing` };
  const differing = flagDifferences(lastFlag, expected);
  if (differing.length > 0) {
    return {
      ok: false,
      problem: `last flag r${lastFlag.revision} differs from the engine's in ${differing.join(', ')}: ${lastFlag.decision} [${codes(lastFlag)}], the engine: ${expected.decision} [${codes(expected)}]${firstDifference(lastFlag, expected, differing[0]!)}`,
    };
  }
  // Nothing is still owed: with the last flag as the last word, the engine sends nothing new.
  const after = oracle.decide(record, at, false, lastFlag.decision);
  if (after.send && fingerprintOf(after.flag) !== fingerprintOf(lastFlag))
    return { ok: false, problem: `after r${lastFlag.revision} the engine still owes a ${after.flag.decision} flag` };
  if (stored?.fingerprint !== fingerprintOf(expected))
    return { ok: false, problem: 'the stored decision differs from the flag the engine decides' };
  if ((stored?.closed ?? false) !== final.closed)
    return {
      ok: false,
      problem: `stored closed=${stored?.closed}, the engine says ${final.closed} after rulings [${record.rulings.map((r) => r.body.outcome).join(', ')}]`,
    };
  return { ok: true };
}

/** The first element of a differing list field, both ways, so a report shows what differs. */
function firstDifference(actual: FulfilmentFlag, expected: FulfilmentFlag, field: string): string {
  const a = (actual as unknown as Record<string, unknown>)[field];
  const e = (expected as unknown as Record<string, unknown>)[field];
  if (!Array.isArray(a) || !Array.isArray(e)) return `; ${field}: ${canonical(a)} vs ${canonical(e)}`;
  const index = a.findIndex((value, i) => !sameValue(value, e[i]));
  return `; ${field}[${index}]: ${canonical(a[index])} vs ${canonical(e[index])}`;
}

function codes(flag: FulfilmentFlag): string {
  return flag.reasons.map((r) => r.code).join(' ');
}
