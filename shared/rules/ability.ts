// Ability to pay (Arts 3, 4, 6, 7; rules R07, R08, R08a, R10-R12; contract semantics 3).
// Runs only while some item is UNSATISFIED. The first test that matches sets the ability.
import type { Ability } from '../contract/fulfilment-flag.ts';
import { describeOngoing, type ConductRecord } from './conduct.ts';
import type { EvaluationContext } from './context.ts';
import { finding, listing, type Finding } from './finding.ts';
import type { AssessedItem } from './items.ts';
import { formatYuan, sum } from './money.ts';

export interface AbilityAssessment {
  readonly ability: Ability;
  readonly findings: readonly Finding[];
}

interface Spending {
  readonly meanFen: number;
  readonly quotaFen: number;
  /** Mean over quota × (1 + tolerance). */
  readonly clearlyOver: boolean;
  readonly over: boolean;
}

function spendingOf(ctx: EvaluationContext): Spending | undefined {
  const finances = ctx.facts.dossier.finances;
  if (!finances) return undefined;
  const months = finances.monthlySpendFen.length;
  const total = sum(finances.monthlySpendFen);
  const quotaFen = finances.quotaMonthlyFen;
  // Compare totals, not means, so no rounding decides a case near the line.
  const limitTotal = quotaFen * (1 + ctx.policy.spendingTolerance) * months;
  return {
    meanFen: Math.round(total / months),
    quotaFen,
    over: total > quotaFen * months,
    clearlyOver: total - limitTotal > 1e-6,
  };
}

export function assessAbility(
  ctx: EvaluationContext,
  items: readonly AssessedItem[],
  conduct: readonly ConductRecord[],
): AbilityAssessment {
  const unsatisfied = items.filter((i) => i.state === 'UNSATISFIED');
  if (unsatisfied.length === 0) return { ability: 'NOT_APPLICABLE', findings: [] };

  const keys = unsatisfied.map((i) => i.key);
  const outstandingFen = sum(unsatisfied.map((i) => i.outstandingFen));
  const finances = ctx.facts.dossier.finances;
  const spending = spendingOf(ctx);
  const first = firstMatch(ctx, unsatisfied, conduct, spending, outstandingFen);

  const findings: Finding[] = [finding(first.code, first.detail, keys)];
  const refused62 = first.code === 'PP-REFUSE-6.2';
  if (spending?.over && !refused62) {
    const reason = finances?.specialSpendingReason
      ? `; special reason claimed: "${finances.specialSpendingReason}"`
      : '';
    // Clearly over yet no 6.2: Art 6(1) or a special reason came first.
    const extent = spending.clearlyOver
      ? `more than ${Math.round(ctx.policy.spendingTolerance * 100)}%`
      : 'within the tolerance';
    findings.push(
      finding(
        'PP-SPEND-NEAR',
        `Average monthly spending of ${formatYuan(spending.meanFen)} is ${extent} over the quota of ${formatYuan(spending.quotaFen)}${reason}; a reviewer should weigh it.`,
      ),
    );
  }
  return { ability: first.ability, findings };
}

interface Match {
  readonly ability: Ability;
  readonly code: Finding['code'];
  readonly detail: string;
}

function firstMatch(
  ctx: EvaluationContext,
  unsatisfied: readonly AssessedItem[],
  conduct: readonly ConductRecord[],
  spending: Spending | undefined,
  outstandingFen: number,
): Match {
  const finances = ctx.facts.dossier.finances;
  const ongoing = describeOngoing(ctx, conduct);
  if (ongoing.length > 0) {
    return {
      ability: 'ABLE',
      code: 'PP-REFUSE-6.1',
      detail: `Deemed able but refusing to pay: ${listing(ongoing)}.`,
    };
  }
  if (finances?.spendingViaOthers) {
    return {
      ability: 'ABLE',
      code: 'PP-REFUSE-6.2',
      detail:
        "Deemed able but refusing to pay: spends in prison under another person's name or by misstating the purpose.",
    };
  }
  if (spending?.clearlyOver && !finances?.specialSpendingReason) {
    const tolerance = Math.round(ctx.policy.spendingTolerance * 100);
    return {
      ability: 'ABLE',
      code: 'PP-REFUSE-6.2',
      detail: `Deemed able but refusing to pay: average monthly spending of ${formatYuan(spending.meanFen)} exceeds the quota of ${formatYuan(spending.quotaFen)} by more than ${tolerance}% with no special reason.`,
    };
  }

  const reserveFen = ctx.policy.subsistenceReserveFen;
  const spareFen = finances ? Math.max(0, finances.accountBalanceFen - reserveFen) : 0;
  const assetsFound = unsatisfied.filter((i) => i.status?.body.assetSearch?.executableAssetsFound);
  if (assetsFound.length > 0) {
    const found = assetsFound.map((i) => {
      const search = i.status!.body.assetSearch!;
      const amount = search.foundFen === undefined ? '' : ` worth ${formatYuan(search.foundFen)}`;
      return `${i.key} (search of ${search.completedOn} found executable assets${amount})`;
    });
    return {
      ability: 'ABLE',
      code: 'PP-ABLE-UNPAID',
      detail: `Able to pay but ${formatYuan(outstandingFen)} is unpaid: ${listing(found)}.`,
    };
  }
  if (finances && finances.accountBalanceFen - reserveFen >= outstandingFen) {
    return {
      ability: 'ABLE',
      code: 'PP-ABLE-UNPAID',
      detail: `Able to pay: the account balance of ${formatYuan(finances.accountBalanceFen)} less the ${formatYuan(reserveFen)} reserve covers the ${formatYuan(outstandingFen)} unpaid.`,
    };
  }
  const searches = unsatisfied.map((i) => i.status?.body.assetSearch);
  if (searches.every((s) => s !== undefined && !s.executableAssetsFound)) {
    const dates = [...new Set(searches.map((s) => s!.completedOn))].sort();
    const balance = finances
      ? finances.accountBalanceFen < reserveFen
        ? `balance ${formatYuan(finances.accountBalanceFen)} is under the subsistence reserve`
        : `balance above the reserve (${formatYuan(spareFen)}) does not cover the ${formatYuan(outstandingFen)} unpaid`
      : 'no account record';
    return {
      ability: 'UNABLE',
      code: 'PP-UNABLE',
      detail: `Asset search of ${listing(dates)} found no executable assets; no Art 6 conduct; ${balance}.`,
    };
  }
  const missingSearch = unsatisfied.filter((i) => !i.status?.body.assetSearch).map((i) => i.key);
  const balance = finances
    ? `the balance above the ${formatYuan(reserveFen)} reserve could pay ${formatYuan(spareFen)} of the ${formatYuan(outstandingFen)} unpaid now`
    : `no account record shows what could be paid of the ${formatYuan(outstandingFen)} unpaid`;
  return {
    ability: 'UNDETERMINED',
    code: 'PP-ABLE-CHECK',
    detail: `Ability not established: no completed asset search for ${listing(missingSearch)}; ${balance}.`,
  };
}
