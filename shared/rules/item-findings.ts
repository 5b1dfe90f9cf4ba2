// The findings about the items themselves (rules R13-R17, R26): courts and dossier disagree on
// them (PP-ITEMS-MISMATCH), or an unpaid item is relieved by Arts 8-10.
import { finding, listing, type Finding } from './finding.ts';
import type { AssessedItem } from './items.ts';
import { formatYuan } from './money.ts';

/** PP-ITEMS-MISMATCH: dossier and courts disagree on the items or their amounts. */
export function itemsMismatch(items: readonly AssessedItem[]): Finding[] {
  const differing = items.filter((i) => i.status && i.inDossier && i.dossierDueFen !== i.dueFen);
  const unlisted = items.filter((i) => i.status && !i.inDossier && i.kind !== 'CIVIL_SEPARATE');
  if (differing.length === 0 && unlisted.length === 0) return [];
  const amount = (fen: number | null | undefined) =>
    fen === null || fen === undefined ? 'the whole estate' : formatYuan(fen);
  const parts = [
    ...differing.map(
      (i) => `${i.key} is ${amount(i.dossierDueFen)} in the dossier but ${amount(i.dueFen)} per the enforcing court`,
    ),
    ...unlisted.map((i) => `${i.key} (${i.kind}) is reported by ${i.enforcingCourtId} but not listed in the dossier`),
  ];
  return [
    finding(
      'PP-ITEMS-MISMATCH',
      `${listing(parts)}.`,
      [...differing, ...unlisted].map((i) => i.key),
    ),
  ];
}

const RELIEF_FINDINGS = {
  FINE_EXEMPT: ['PP-FINE-EXEMPT', 'the fine was exempted by ruling'],
  FINE_INSTAL: ['PP-FINE-INSTAL', 'the fine is being paid in instalments and none is overdue'],
  CONFISC: ['PP-CONFISC', 'confiscation is still being executed and no Art 6(1) conduct is present'],
  CIVIL_ESCROW: ['PP-CIVIL-10', 'the compensation was paid in full into escrow (Art 10(i))'],
  CIVIL_INSTAL: ['PP-CIVIL-10', 'the compensation is being paid in instalments and none is overdue (Art 10(ii))'],
  CIVIL_WAIVER: ['PP-CIVIL-10', 'the victim waived compensation in writing (Art 10(iii))'],
} as const;

/** One CLEAR finding per relief code, naming each item it covers and why. */
export function reliefFindings(items: readonly AssessedItem[]): Finding[] {
  const byCode = new Map<Finding['code'], { parts: string[]; keys: string[] }>();
  for (const item of items) {
    if (!item.relief) continue;
    const [code, why] = RELIEF_FINDINGS[item.relief];
    const exemption = item.relief === 'FINE_EXEMPT' ? item.status?.body.fineExempted : undefined;
    const extra = exemption ? ` (${exemption.rulingRef}, ${exemption.on})` : '';
    const group = byCode.get(code) ?? { parts: [], keys: [] };
    group.parts.push(`${item.key}: ${why}${extra}, ${formatYuan(item.outstandingFen)} unpaid`);
    group.keys.push(item.key);
    byCode.set(code, group);
  }
  return [...byCode].map(([code, group]) => finding(code, `${group.parts.join('; ')}.`, group.keys));
}
