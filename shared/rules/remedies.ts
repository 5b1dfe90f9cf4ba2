// What would change the decision (contract v1.1 point 12): one remedy per reason whose outcome
// is not CLEAR, in the order of the reasons, saying who must do what, how much, on which items
// and by when. The action and party of each code come from the contract's table.
import type { Material, Reason } from '../contract/fulfilment-flag.ts';
import { REMEDY_RULES, type Remedy, type RemedyParty } from '../contract/remedies.ts';
import type { ReasonCode } from '../contract/reason-codes.ts';
import { describeOngoing, type ConductRecord } from './conduct.ts';
import type { EvaluationContext } from './context.ts';
import type { CoolOffAnchor } from './cooloff.ts';
import { describeItems, listing } from './finding.ts';
import { outstandingOf, type AssessedItem } from './items.ts';
import { MATERIAL_WORDS } from './materials.ts';
import { formatYuanAndFen } from './money.ts';
import { materialsLastDay } from './periods.ts';
import { requestState, statusesOfPrisoner } from './requests.ts';

export interface RemedyInput {
  readonly ctx: EvaluationContext;
  readonly items: readonly AssessedItem[];
  readonly conduct: readonly ConductRecord[];
  readonly reasons: readonly Reason[];
  readonly missingMaterials: readonly Material[];
  /** The cool-off as the facts stand, when Art 6 conduct was ever recorded. */
  readonly wait?: CoolOffAnchor;
}

type Draft = Omit<Remedy, 'code' | 'action' | 'party'> & { party?: RemedyParty };

export function remediesFor(input: RemedyInput): Remedy[] {
  const remedies: Remedy[] = [];
  let owing: Owing | undefined;
  for (const reason of input.reasons) {
    const rule = REMEDY_RULES[reason.code];
    if (!rule || reason.outcome === 'CLEAR' || reason.outcome === undefined) continue;
    owing ??= owingOf(input.items);
    const draft = draftFor(reason, input, owing);
    remedies.push(withRule(reason.code, rule, draft));
  }
  return remedies;
}

/** Code, action and party first, then the draft's fields in its order (an object rest cost more). */
function withRule(code: ReasonCode, rule: NonNullable<(typeof REMEDY_RULES)[ReasonCode]>, draft: Draft): Remedy {
  const remedy: Record<string, unknown> = { code, action: rule.action, party: draft.party ?? rule.parties[0]! };
  for (const key in draft) if (key !== 'party') remedy[key] = draft[key as keyof Draft];
  return remedy as unknown as Remedy;
}

const JUDGE_WORDS: Partial<Record<ReasonCode, string>> = {
  'PP-SPEND-NEAR': 'The hearing court weighs whether the spending above the quota shows an ability to pay.',
  'PP-AMBIG-6.3':
    'The hearing court decides whether the cool-off may run from the end of the conduct while items are unpaid.',
  'PP-TEMPORAL': 'The hearing court reviews the proposal under the SPC-2016 and SPC-2019 rules, by hand.',
  'PP-MAJOR-MERIT': 'The hearing court weighs the major meritorious service against the property findings.',
  'PP-REVOKE': 'The hearing court decides whether to revoke the grant.',
};

/** What is owed, worked out once per flag. */
interface Owing {
  readonly owed: number;
  readonly unsatisfied: string[];
}

function owingOf(items: readonly AssessedItem[]): Owing {
  return { owed: outstandingOf(items), unsatisfied: items.filter((i) => i.state === 'UNSATISFIED').map((i) => i.key) };
}

function draftFor(reason: Reason, input: RemedyInput, { owed, unsatisfied }: Owing): Draft {
  const { ctx, items } = input;
  switch (reason.code) {
    case 'PP-ABLE-UNPAID':
    case 'PP-REFUSE-6.2':
    case 'PP-CORR-2019':
    case 'PP-POST-ENFORCE':
    case 'PP-CAT-12':
      return {
        amountFen: owed,
        items: [...unsatisfied],
        detail:
          owed > 0
            ? `The prisoner pays ${formatYuanAndFen(owed)}, outstanding on ${describeItems(unsatisfied)}.`
            : 'The prisoner actively returns the gains or compensates the losses; nothing is outstanding on the items.',
      };
    case 'PP-REFUSE-6.1': {
      const conduct = listing(describeOngoing(ctx, input.conduct));
      const pay = owed > 0 ? `, and pays ${formatYuanAndFen(owed)} outstanding on ${describeItems(unsatisfied)}` : '';
      return {
        ...(owed > 0 ? { amountFen: owed, items: [...unsatisfied] } : {}),
        detail: `The prisoner stops the conduct still on record (${conduct})${pay}; a six-month cool-off then runs.`,
      };
    }
    case 'PP-COOLOFF-6M': {
      const endsOn = input.wait?.endsOn;
      return endsOn
        ? {
            until: endsOn,
            detail: `The ${ctx.policy.cooloffMonths}-month cool-off ends on ${endsOn}; nothing else can shorten it.`,
          }
        : {
            detail: `The ${ctx.policy.cooloffMonths}-month cool-off starts only when the conduct ceases or every item is paid in full.`,
          };
    }
    case 'PP-MAT-PENDING':
    case 'PP-MAT-MISSING':
      return supplyMaterials(reason, input);
    case 'PP-STATUS-MISSING':
    case 'PP-STATUS-STALE':
    case 'PP-COURT-OVERDUE':
      return sendStatus(reason, input);
    case 'PP-ABLE-CHECK': {
      const unsearched = items
        .filter((i) => i.state === 'UNSATISFIED' && i.status?.body.assetSearch === undefined)
        .map((i) => i.key);
      return {
        items: unsearched,
        detail: `The enforcing court completes an asset search (查控) for ${describeItems(unsearched)} and reports what it found.`,
      };
    }
    case 'PP-ITEMS-MISMATCH':
      return {
        items: reason.items ?? [],
        detail: `The prison corrects the dossier, or asks the enforcing court to correct its status, so both list the same amounts for ${describeItems(reason.items ?? [])}.`,
      };
    default:
      return { detail: JUDGE_WORDS[reason.code] ?? 'The hearing court decides.' };
  }
}

function supplyMaterials(reason: Reason, input: RemedyInput): Draft {
  const materials = [...input.missingMaterials];
  const onlyRecord = materials.length === 1 && materials[0] === 'ENFORCEMENT_RECORD';
  const who = onlyRecord ? 'The enforcing court' : 'The prison';
  const what = listing(materials.map((m) => MATERIAL_WORDS[m]));
  const keys = reason.items ?? [];
  const about = keys.length > 0 ? ` (for ${describeItems(keys)})` : '';
  const lastDay = materialsLastDay(input.ctx);
  return {
    party: onlyRecord ? 'ENFORCING_COURT' : 'PRISON',
    materials,
    ...(keys.length > 0 ? { items: keys } : {}),
    ...(reason.code === 'PP-MAT-PENDING'
      ? { until: lastDay, detail: `${who} supplies the ${what}${about} by the end of ${lastDay}.` }
      : {
          detail: `${who} supplies the ${what}${about}; the period ended on ${lastDay}, so the proposal is re-submitted with them.`,
        }),
  };
}

function sendStatus(reason: Reason, input: RemedyInput): Draft {
  const { ctx, items } = input;
  const keys = reason.items?.length ? reason.items : itemsOfOverdueJudgments(input);
  if (ctx.facts.requests.length === 0) return describeSend(reason, keys, undefined);
  const judgments = new Set(items.filter((i) => keys.includes(i.key)).map((i) => i.judgmentId));
  const statuses = statusesOfPrisoner(ctx.facts.statuses, ctx.facts.dossier.prisoner.personId);
  const open = ctx.facts.requests
    .filter((r) => judgments.has(r.judgmentId) && requestState(r, statuses, ctx.nowMs) === 'OPEN')
    .map((r) => ctx.dayOf(r.dueBy))
    .sort();
  return describeSend(reason, keys, open[0]);
}

function describeSend(reason: Reason, keys: string[], until: string | undefined): Draft {
  const what = reason.code === 'PP-STATUS-STALE' ? 'a current status' : 'its status';
  return {
    items: keys,
    ...(until ? { until } : {}),
    detail: `The enforcing court sends ${what} for ${describeItems(keys)}${until ? ` by the end of ${until}` : ''}.`,
  };
}

/** PP-COURT-OVERDUE about a whole judgment names no items: every item of it is meant. */
function itemsOfOverdueJudgments(input: RemedyInput): string[] {
  const { ctx, items } = input;
  if (ctx.facts.requests.length === 0) return [];
  const statuses = statusesOfPrisoner(ctx.facts.statuses, ctx.facts.dossier.prisoner.personId);
  const judgments = new Set(
    ctx.facts.requests.filter((r) => requestState(r, statuses, ctx.nowMs) === 'OVERDUE').map((r) => r.judgmentId),
  );
  return items.filter((i) => judgments.has(i.judgmentId)).map((i) => i.key);
}
