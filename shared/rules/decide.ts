// The decision at one instant: one application's facts, a policy and "now" in; the flag's
// findings, items and remedies out (evaluate.ts adds what time and a "what if" would change).
// Pure: no I/O, no clock, no randomness. Where each rule lives:
//   items.ts       R03, R13-R17, R26  item states and Arts 8-10 relief
//   item-findings.ts                  PP-ITEMS-MISMATCH and the relief findings
//   ability.ts     R07, R08, R08a, R10-R12  ability to pay
//   cooloff.ts     R09, R09a         Art 6(3) six-month wait
//   materials.ts   R05, R06          Art 5 intake materials
//   freshness.ts   R22               missing/stale statuses, overdue court replies
//   categories.ts  R19, R20          Art 12 and SPC-2019 offenders
//   civil-first.ts R18               Art 11(2) credit
//   outcome.ts     R21               major merit, ordering, the decision
//   post-grant.ts  R24, R25          after a grant, and when a correction goes out (point 15)
//   remedies.ts    v1.1 point 12     what would answer each reason
//   this file      R01, R02, R04     temporal scope, no items, all satisfied
import type { FulfilmentFlag } from '../contract/fulfilment-flag.ts';
import type { Policy } from '../contract/policy.ts';
import type { Ruling } from '../contract/ruling.ts';
import { dateOf } from '../time/calendar.ts';
import { assessAbility } from './ability.ts';
import { offenceCategory } from './categories.ts';
import { civilFirst } from './civil-first.ts';
import { createContext, type EvaluationContext } from './context.ts';
import type { CaseFacts } from './facts.ts';
import { finding, type Finding } from './finding.ts';
import { assessFreshness, type VerificationNeed } from './freshness.ts';
import { itemsMismatch, reliefFindings } from './item-findings.ts';
import { assessItems, outstandingOf, type AssessedItem } from './items.ts';
import { assessMaterials } from './materials.ts';
import { applyMajorMerit, decide, outcomeOf, toReasons } from './outcome.ts';
import { afterGrant, sendAfterGrant } from './post-grant.ts';
import { coolOff, coolOffAnchor } from './cooloff.ts';
import { remediesFor } from './remedies.ts';

export interface Evaluation {
  /** The flag body, revision 1; the pipeline numbers revisions. */
  readonly flag: FulfilmentFlag;
  /** False when no flag may go out: the application is closed, or granted with nothing new. */
  readonly send: boolean;
  /** A DENIED, NOT_FILED or WITHDRAWN ruling ended the application. */
  readonly closed: boolean;
  /** Verification requests (核实函) the facts call for, before de-duplication against open ones. */
  readonly verificationNeeds: readonly VerificationNeed[];
}

const CLOSING_OUTCOMES = new Set(['DENIED', 'NOT_FILED', 'WITHDRAWN']);

export interface DecideOptions {
  /**
   * False when only the decision and findings are wanted (the engine's own what-if and
   * next-change runs): remedies follow from the reasons, items and materials, so they are
   * left out (empty) there to save the work.
   */
  readonly remedies?: boolean;
}

/** The flag at `now`, without earliestClearOn and nextChangeAt (both null here). */
export function decideAt(facts: CaseFacts, policy: Policy, now: string, options: DecideOptions = {}): Evaluation {
  const withRemedies = options.remedies ?? true;
  const ctx = createContext(facts, policy, now);
  const { items, conduct } = assessItems(ctx);
  const ability = assessAbility(ctx, items, conduct);
  const ruling = governingRuling(facts.rulings);

  if (ruling?.outcome === 'GRANTED') {
    const reasons = toReasons(afterGrant(ruling, items, conduct), new Set());
    const decision = decide(reasons);
    const outcome = { decision, ability: ability.ability, reasons, missingMaterials: [] };
    return {
      flag: flagBody(
        ctx,
        items,
        outcome,
        withRemedies ? remediesFor({ ctx, items, conduct, reasons, missingMaterials: [] }) : [],
        ruling,
      ),
      send: sendAfterGrant(decision, facts.lastSent?.decision),
      closed: false,
      verificationNeeds: [],
    };
  }

  const materials = assessMaterials(ctx, items);
  const freshness = assessFreshness(ctx, items);
  const findings: Finding[] = [
    ...temporal(ctx),
    ...itemsMismatch(items),
    ...freshness.findings,
    ...materials.findings,
    ...ability.findings,
    ...coolOff(ctx, items, conduct),
    ...offenceCategory(ctx, ability.ability),
    ...reliefFindings(items),
    ...civilFirst(items, ability.ability),
  ];
  const merit = applyMajorMerit(facts.dossier, findings);
  const reasons = toReasons(withSummary(merit.findings, items, merit.downgraded), merit.downgraded);
  const decision = decide(reasons);
  const closed = ruling !== undefined && CLOSING_OUTCOMES.has(ruling.outcome);
  const missingMaterials = [...materials.missing];
  const remedies = withRemedies
    ? remediesFor({ ctx, items, conduct, reasons, missingMaterials, wait: coolOffAnchor(ctx, items, conduct) })
    : [];
  return {
    flag: flagBody(ctx, items, { decision, ability: ability.ability, reasons, missingMaterials }, remedies, ruling),
    send: !closed,
    closed,
    verificationNeeds: closed ? [] : freshness.needs,
  };
}

/** R02 and R04: say so when there is nothing to pay, or everything is paid and nothing else fired. */
function withSummary(findings: Finding[], items: readonly AssessedItem[], downgraded: ReadonlySet<Finding>): Finding[] {
  if (items.length === 0) {
    return [...findings, finding('PP-NONE', 'The judgments carry no property items.')];
  }
  const onlyClear = () => findings.every((f) => outcomeOf(f, downgraded) === 'CLEAR');
  if (items.every((i) => i.state === 'SATISFIED') && onlyClear()) {
    return [
      ...findings,
      finding(
        'PP-SATISFIED',
        'Every property item is paid in full.',
        items.map((i) => i.key),
      ),
    ];
  }
  return findings;
}

/** R01: proposals first submitted before the rules took effect are governed by the older rules. */
function temporal(ctx: EvaluationContext): Finding[] {
  const submittedOn = dateOf(ctx.facts.firstSubmittedAt);
  if (submittedOn >= ctx.policy.effectiveFrom) return [];
  return [
    finding(
      'PP-TEMPORAL',
      `Submitted ${submittedOn}, before SPC-2024 took effect on ${ctx.policy.effectiveFrom}; the SPC-2016 and SPC-2019 rules govern, so review by hand.`,
    ),
  ];
}

/** The ruling that governs: the latest; on the same day a closing ruling wins over a grant. */
function governingRuling(rulings: readonly Ruling[]): Ruling | undefined {
  if (rulings.length <= 1) return rulings[0];
  return [...rulings]
    .sort(
      (a, b) =>
        a.ruledOn.localeCompare(b.ruledOn) ||
        Number(CLOSING_OUTCOMES.has(a.outcome)) - Number(CLOSING_OUTCOMES.has(b.outcome)) ||
        a.rulingRef.localeCompare(b.rulingRef),
    )
    .at(-1);
}

interface Outcome {
  readonly decision: FulfilmentFlag['decision'];
  readonly ability: FulfilmentFlag['ability'];
  readonly reasons: FulfilmentFlag['reasons'];
  readonly missingMaterials: FulfilmentFlag['missingMaterials'];
}

function flagBody(
  ctx: EvaluationContext,
  items: readonly AssessedItem[],
  outcome: Outcome,
  remedies: NonNullable<FulfilmentFlag['remedies']>,
  ruling: Ruling | undefined,
): FulfilmentFlag {
  const statuses: Record<string, number> = {};
  for (const item of items) if (item.status) statuses[item.key] = item.status.body.version;
  const { policy } = ctx;
  return {
    applicationId: ctx.facts.dossier.applicationId,
    revision: 1,
    decision: outcome.decision,
    ability: outcome.ability,
    reasons: outcome.reasons,
    items: items.map((i) => ({
      judgmentId: i.judgmentId,
      itemNo: i.itemNo,
      kind: i.kind,
      dueFen: i.dueFen,
      paidFen: i.paidFen,
      outstandingFen: i.outstandingFen,
      state: i.state,
      asOf: i.status?.body.asOf ?? null,
      version: i.status?.body.version ?? null,
    })),
    outstandingFen: outstandingOf(items),
    missingMaterials: outcome.missingMaterials,
    remedies,
    earliestClearOn: null,
    nextChangeAt: null,
    policy: {
      id: policy.id,
      version: policy.version,
      ...(policy.overrides ? { overrides: { ...policy.overrides } } : {}),
    },
    evaluatedAt: ctx.now,
    inputs: { dossierVersion: ctx.facts.dossier.version, statuses },
    ...(ruling ? { ruling: { outcome: ruling.outcome, ruledOn: ruling.ruledOn, rulingRef: ruling.rulingRef } } : {}),
  };
}
