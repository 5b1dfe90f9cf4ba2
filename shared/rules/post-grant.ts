// After a grant (rules R24, R25; Art 14(2); contract semantics 9): only findings dated
// after the ruling count. Serious false declaration or concealment calls for revocation;
// anything else found means enforcement continues while the grant stands.
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
