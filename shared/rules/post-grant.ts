// After a grant (rules R24, R25; Art 14(2); contract semantics 9 and v1.1 point 15): only
// findings dated after the ruling count. Serious false declaration or concealment calls for
// revocation; anything else found means enforcement continues while the grant stands. When
// such a finding is withdrawn, a CLEAR revision corrects the last REVOKE or PP-POST-ENFORCE.
import type { Decision } from '../contract/reason-codes.ts';
import type { Ruling } from '../contract/ruling.ts';
import { CONDUCT_WORDS, type ConductRecord } from './conduct.ts';
import { finding, listing, type Finding } from './finding.ts';
import type { AssessedItem } from './items.ts';
import { formatYuan } from './money.ts';

const REVOKING = new Set(['FALSE_DECLARATION', 'CONCEALS_OR_TRANSFERS_ASSETS']);

export function afterGrant(
  ruling: Ruling,
  items: readonly AssessedItem[],
  conduct: readonly ConductRecord[],
): Finding[] {
  const later = conduct.filter((c) => c.foundOn > ruling.ruledOn);
  const revoking = later.filter((c) => c.serious && REVOKING.has(c.code));
  const otherConduct = later.filter((c) => !revoking.includes(c));
  const assets = items.filter((i) => {
    const search = i.status?.body.assetSearch;
    return search?.executableAssetsFound === true && search.completedOn > ruling.ruledOn;
  });

  const findings: Finding[] = [];
  if (revoking.length > 0) {
    const what = revoking.map((c) => `${CONDUCT_WORDS[c.code]}, serious, found ${c.foundOn} on ${c.item}`);
    findings.push(
      finding(
        'PP-REVOKE',
        `After the grant of ${ruling.ruledOn} (${ruling.rulingRef}): ${listing(what)}; the ruling must be revoked.`,
        revoking.map((c) => c.item),
      ),
    );
  }
  if (otherConduct.length > 0 || assets.length > 0) {
    const what = [
      ...otherConduct.map((c) => `${CONDUCT_WORDS[c.code]}, found ${c.foundOn} on ${c.item}`),
      ...assets.map((i) => {
        const search = i.status!.body.assetSearch!;
        const worth = search.foundFen === undefined ? '' : ` worth ${formatYuan(search.foundFen)}`;
        return `executable assets${worth} found ${search.completedOn} for ${i.key}`;
      }),
    ];
    const keys = [...new Set([...otherConduct.map((c) => c.item), ...assets.map((i) => i.key)])];
    findings.push(
      finding(
        'PP-POST-ENFORCE',
        `After the grant of ${ruling.ruledOn}: ${listing(what)}; enforcement continues and the grant stands.`,
        keys,
      ),
    );
  }
  return findings;
}

/**
 * Point 15: after a grant a revision goes out whenever the post-grant decision differs from the
 * last one sent; a CLEAR goes out only to correct a flag that was not CLEAR (never to repeat one,
 * and never as the first word after the grant when nothing was sent before).
 */
export function sendAfterGrant(decision: Decision, lastSent: Decision | undefined): boolean {
  return decision !== 'CLEAR' || (lastSent !== undefined && lastSent !== 'CLEAR');
}
