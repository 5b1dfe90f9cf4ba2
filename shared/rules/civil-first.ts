// Art 11(2) credit (rule R18): a prisoner whose assets fall short and who paid civil
// compensation before the fine or confiscation gets a favourable note. It never changes
// the decision.
import type { Ability } from '../contract/fulfilment-flag.ts';
import { finding, type Finding } from './finding.ts';
import { isCivil, type AssessedItem } from './items.ts';
import { formatYuan, sum } from './money.ts';

const isFineOrConfiscation = (item: AssessedItem) => item.kind === 'FINE' || item.kind === 'CONFISCATION';

export function civilFirst(items: readonly AssessedItem[], ability: Ability): Finding[] {
  if (ability === 'ABLE' || ability === 'NOT_APPLICABLE') return [];
  const civil = items.filter((i) => isCivil(i.kind) && i.paidFen > 0);
  const penal = items.filter(isFineOrConfiscation);
  // Assets fell short: some fine or confiscation is still unpaid.
  if (civil.length === 0 || !penal.some((i) => i.state !== 'SATISFIED')) return [];
  const firstDate = (list: readonly AssessedItem[]) =>
    list.flatMap((i) => i.status?.body.payments.map((p) => p.paidOn) ?? []).sort()[0];
  const firstCivil = firstDate(civil)!;
  const firstPenal = firstDate(penal);
  if (firstPenal !== undefined && firstPenal < firstCivil) return [];
  const paid = sum(civil.map((i) => i.paidFen));
  return [
    finding(
      'PP-CIVIL-FIRST',
      `Paid ${formatYuan(paid)} of civil compensation first, from ${firstCivil}, while assets did not cover everything; this counts in the prisoner's favour.`,
      civil.map((i) => i.key),
    ),
  ];
}
