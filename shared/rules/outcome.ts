// From findings to the flag's reasons and decision (contract semantics 8 and 11):
// major-merit downgrade, most severe first, and the decision as the most severe outcome.
import type { ReductionDossier } from '../contract/reduction-dossier.ts';
import type { Reason } from '../contract/fulfilment-flag.ts';
import {
  DOWNGRADED_BY_MAJOR_MERIT,
  REASON_CODES,
  REASONS,
  isInformational,
  severity,
  type Decision,
} from '../contract/reason-codes.ts';
import { finding, type Finding } from './finding.ts';

/** Art 4(4): a commutation for major meritorious service turns property BLOCKs into FLAGs. */
export function applyMajorMerit(
  dossier: ReductionDossier,
  findings: readonly Finding[],
): {
  findings: Finding[];
  downgraded: ReadonlySet<Finding>;
} {
  const downgraded = new Set<Finding>();
  if (dossier.basis !== 'MAJOR_MERITORIOUS' || dossier.kind !== 'COMMUTATION') {
    return { findings: [...findings], downgraded };
  }
  for (const f of findings) {
    if (DOWNGRADED_BY_MAJOR_MERIT.includes(f.code) && REASONS[f.code].outcome === 'BLOCK') downgraded.add(f);
  }
  if (downgraded.size === 0) return { findings: [...findings], downgraded };
  const codes = [...new Set([...downgraded].map((f) => f.code))].join(', ');
  const note = finding(
    'PP-MAJOR-MERIT',
    `Commutation for major meritorious service: ${codes} count as FLAG, not BLOCK.`,
  );
  return { findings: [...findings, note], downgraded };
}

/** A finding's outcome in the flag: its table outcome, or FLAG when major merit downgraded it. */
export function outcomeOf(f: Finding, downgraded: ReadonlySet<Finding>): Decision {
  return downgraded.has(f) ? 'FLAG' : REASONS[f.code].outcome;
}

/** Each code's place in the table: the tie-break within one severity. */
const TABLE_ORDER = new Map(REASON_CODES.map((code, index) => [code, index]));

export function toReasons(findings: readonly Finding[], downgraded: ReadonlySet<Finding>): Reason[] {
  // Outcome and rank worked out once per finding, not once per comparison.
  const ranked = findings.map((f) => {
    const outcome = outcomeOf(f, downgraded);
    const rank = isInformational(f.code) ? -1 : severity(outcome);
    return { f, outcome, rank, order: TABLE_ORDER.get(f.code)! };
  });
  return ranked
    .sort((a, b) => b.rank - a.rank || a.order - b.order)
    .map(({ f, outcome }) => ({
      code: f.code,
      outcome,
      basis: REASONS[f.code].basis,
      detail: f.detail,
      ...(f.items ? { items: [...f.items] } : {}),
    }));
}

/** The most severe outcome of any reason; informational reasons never raise it. */
export function decide(reasons: readonly Reason[]): Decision {
  let decision: Decision = 'CLEAR';
  for (const r of reasons) {
    if (isInformational(r.code) || !r.outcome) continue;
    if (severity(r.outcome) > severity(decision)) decision = r.outcome;
  }
  return decision;
}
