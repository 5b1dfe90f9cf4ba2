// The "what if" facts of contract v1.1 point 13: today, everything that is up to the prisoner
// and the institutions is done; nothing else changes. earliest-clear.ts runs the engine on them.
import type { EnforcementStatus } from '../contract/enforcement-status.ts';
import type { ReductionDossier } from '../contract/reduction-dossier.ts';
import type { Policy } from '../contract/policy.ts';
import { laterDate } from '../time/calendar.ts';
import { isOngoing } from './conduct.ts';
import { createContext, type EvaluationContext } from './context.ts';
import type { CaseFacts, ReceivedStatus } from './facts.ts';
import { assessItems, type AssessedItem } from './items.ts';

const MARK = 'WHAT-IF';

/**
 * The facts as they would be if, on the day of `now`, every unpaid item were paid in full by
 * the prisoner, every Art 6 conduct still present ceased, every status arrived (dated
 * `datedAt`, the instant the facts are evaluated at) and answered every request, every Art 5
 * material were supplied and the gains returned.
 */
export function hypotheticalFacts(facts: CaseFacts, policy: Policy, now: string, datedAt: string): CaseFacts {
  const ctx = createContext(facts, policy, now);
  const { items } = assessItems(ctx);
  const statuses = items.map((item) => settled(ctx, item, datedAt));
  const declaration = facts.dossier.assetDeclaration;
  const first = statuses[0];
  if (declaration?.refusedOrFalse && first) {
    // A refused or false declaration is Art 6(1) conduct found on its filing day; it ceases today.
    const ceased = {
      code: 'FALSE_DECLARATION' as const,
      foundOn: declaration.filedOn,
      ceasedOn: laterDate(ctx.today, declaration.filedOn),
    };
    statuses[0] = { ...first, body: { ...first.body, conduct: [...first.body.conduct, ceased] } };
  }
  return {
    dossier: supplied(facts.dossier, ctx.today),
    firstSubmittedAt: facts.firstSubmittedAt,
    statuses,
    rulings: facts.rulings,
    // Every request is answered by the statuses that arrive.
    requests: [],
  };
}

/** One item after today's payment and cessation, re-reported unless it was already paid. */
function settled(ctx: EvaluationContext, item: AssessedItem, datedAt: string): ReceivedStatus {
  const today = ctx.today;
  const base: EnforcementStatus = item.status?.body ?? {
    judgmentId: item.judgmentId,
    itemNo: item.itemNo,
    personId: ctx.facts.dossier.prisoner.personId,
    kind: item.kind,
    dueFen: item.dueFen,
    ...(item.dueFen === null ? { wholeEstate: true } : {}),
    payments: [],
    conduct: [],
    documents: [],
    asOf: datedAt,
    version: 0,
  };
  const conduct = base.conduct.map((c) =>
    isOngoing({ ...c, serious: c.serious === true, item: item.key }, today) ? { ...c, ceasedOn: today } : c,
  );
  if (item.state === 'SATISFIED' && item.status) {
    return { ...item.status, body: { ...base, conduct } };
  }
  const payments =
    base.dueFen !== null && item.outstandingFen > 0
      ? [
          ...base.payments,
          {
            receiptNo: `${MARK}-${item.itemNo}`,
            amountFen: item.outstandingFen,
            payer: 'SELF' as const,
            paidOn: today,
          },
        ]
      : base.payments;
  const documents =
    base.documents.length > 0
      ? base.documents
      : [{ type: 'PAYMENT_RECEIPT' as const, ref: `${MARK}-${item.itemNo}`, issuedOn: today }];
  return {
    body: { ...base, payments, conduct, documents, asOf: datedAt, version: base.version + 1 },
    senderId: item.enforcingCourtId ?? item.status?.senderId ?? MARK,
    sentAt: datedAt,
  };
}

/** Every Art 5 material present, and the gains returned (Art 12). */
function supplied(dossier: ReductionDossier, today: string): ReductionDossier {
  return {
    ...dossier,
    ...(dossier.offenceCategory === 'OTHER' ? {} : { returnedGainsActively: true }),
    assetDeclaration: dossier.assetDeclaration
      ? { ...dossier.assetDeclaration, refusedOrFalse: false }
      : { filedOn: today, declaredAssetsFen: 0, refusedOrFalse: false },
    adverseConsequenceNoticeOn: dossier.adverseConsequenceNoticeOn ?? today,
    thirdPartyAssetStatement: dossier.thirdPartyAssetStatement ?? { ref: MARK, on: today },
    finances: dossier.finances ?? {
      accountBalanceFen: 0,
      monthlySpendFen: [0],
      quotaMonthlyFen: 0,
      spendingViaOthers: false,
    },
  };
}
