// The v1.1 part of a flag in plain words, for `linkage show` and `linkage inbox`: what each
// party can do to change the decision, from which day it could be CLEAR, and when time alone
// changes it. Flags recorded before v1.1 carry none of this and print nothing here.
import type { FulfilmentFlag } from '../contract/fulfilment-flag.ts';
import type { RemedyParty } from '../contract/remedies.ts';

const WHO: Record<RemedyParty, string> = {
  PRISONER: 'prisoner',
  PRISON: 'prison',
  ENFORCING_COURT: 'enforcing court',
  HEARING_COURT: 'hearing court',
};

export function formatRemedies(flag: FulfilmentFlag): string[] {
  const lines: string[] = [];
  if (flag.remedies && flag.remedies.length > 0) {
    lines.push('    What would change the decision:');
    for (const remedy of flag.remedies) {
      const by = remedy.until ? `, ${remedy.action === 'WAIT' ? 'until' : 'by'} ${remedy.until}` : '';
      lines.push(`      - ${remedy.detail} (${WHO[remedy.party]}: ${remedy.action}${by}; answers ${remedy.code})`);
    }
  }
  if (flag.earliestClearOn !== undefined) lines.push(`    ${earliestClear(flag)}`);
  if (flag.nextChangeAt !== undefined) {
    lines.push(
      flag.nextChangeAt === null
        ? '    Nothing changes with time alone: only a new message can change this flag.'
        : `    Changes with time alone at ${flag.nextChangeAt}; the service looks again then.`,
    );
  }
  return lines;
}

function earliestClear(flag: FulfilmentFlag): string {
  const today = flag.evaluatedAt.slice(0, 10);
  const on = flag.earliestClearOn;
  if (on === null || on === undefined) {
    return flag.ruling
      ? 'Earliest clear date: none, the application has been ruled on.'
      : 'Earliest clear date: none; even with everything above done, a reason for the hearing court remains.';
  }
  if (flag.decision === 'CLEAR') return `Earliest clear date: ${on}, it is CLEAR now.`;
  return on === today
    ? `Earliest clear date: ${on}, if everything above is done today.`
    : `Earliest clear date: ${on}, if everything above is done today (the cool-off ends then).`;
}
