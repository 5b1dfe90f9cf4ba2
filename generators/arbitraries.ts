// fast-check generators of schema-valid cases: one dossier, statuses for some of its items
// (and sometimes for items it lacks), rulings and verification requests, over the whole
// range of facts the rules look at. Used by the property tests and by the benchmark corpus.
import fc from 'fast-check';
import type { PropertyKind } from '../shared/contract/enforcement-status.ts';
import type { EnforcementStatusMessage, ReductionDossierMessage } from '../shared/contract/messages.ts';
import { addDays } from '../shared/time/calendar.ts';
import { personIdFrom, request, ruling } from './case.ts';

type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

const KINDS: PropertyKind[] = ['FINE', 'CONFISCATION', 'RECOVERY', 'RESTITUTION', 'CIVIL_INCIDENTAL', 'CIVIL_SEPARATE'];
const day = (offset: number) => addDays('2026-11-21', offset);
const instantOn = (offset: number) => `${day(offset)}T10:00:00+08:00`;

const person = fc.integer({ min: 0, max: 999 }).map((n) => personIdFrom(`35080219800101${String(n).padStart(3, '0')}`));

interface ItemSpec {
  judgment: number;
  itemNo: number;
  kind: PropertyKind;
  dueFen: number;
}

const itemSpec = fc.record({
  judgment: fc.integer({ min: 0, max: 1 }),
  itemNo: fc.integer({ min: 1, max: 3 }),
  kind: fc.constantFrom(...KINDS),
  dueFen: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10_000_000 })),
});

const conduct = fc.record(
  {
    code: fc.constantFrom(
      'HIDES_PROCEEDS_WHEREABOUTS',
      'CONCEALS_OR_TRANSFERS_ASSETS',
      'OBSTRUCTS_ENFORCEMENT',
      'FALSE_DECLARATION',
    ),
    found: fc.integer({ min: -800, max: 40 }),
    ceasedAfter: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
    serious: fc.boolean(),
  },
  { requiredKeys: ['code', 'found', 'serious'] },
);

const statusFacts = fc.record({
  paidShare: fc.constantFrom(0, 0.3, 0.99, 1),
  payer: fc.constantFrom('SELF', 'RELATIVE', 'OTHER'),
  search: fc.constantFrom('none', 'nothing', 'found'),
  relief: fc.constantFrom('none', 'none', 'exempt', 'instalments', 'overdue', 'escrow', 'waiver'),
  conduct: fc.array(conduct, { maxLength: 2 }),
  documents: fc.boolean(),
  ageDays: fc.integer({ min: 0, max: 60 }),
  version: fc.integer({ min: 1, max: 9 }),
  dossierDisagrees: fc.boolean(),
});

function statusFor(spec: ItemSpec, personId: string, f: ValueOf<typeof statusFacts>): EnforcementStatusMessage {
  const civil = spec.kind === 'CIVIL_INCIDENTAL' || spec.kind === 'CIVIL_SEPARATE';
  const paid = Math.floor(spec.dueFen * f.paidShare);
  const body: EnforcementStatusMessage['body'] = {
    judgmentId: `(2019)闽0802刑初${100 + spec.judgment}号`,
    itemNo: spec.itemNo,
    personId,
    kind: spec.kind,
    dueFen: spec.dueFen,
    payments:
      paid > 0 ? [{ receiptNo: `R-${spec.itemNo}`, amountFen: paid, payer: f.payer as 'SELF', paidOn: day(-300) }] : [],
    conduct: f.conduct.map((c) => ({
      code: c.code as 'FALSE_DECLARATION',
      foundOn: day(c.found),
      ...(c.ceasedAfter === undefined ? {} : { ceasedOn: day(c.found + c.ceasedAfter) }),
      serious: c.serious,
    })),
    documents: f.documents ? [{ type: 'EXECUTION_STATEMENT', ref: `ES-${spec.itemNo}`, issuedOn: day(-100) }] : [],
    asOf: instantOn(-f.ageDays),
    version: f.version,
    ...(f.search === 'none'
      ? {}
      : { assetSearch: { completedOn: day(-200), executableAssetsFound: f.search === 'found' } }),
    ...(f.relief === 'exempt' && spec.kind === 'FINE' ? { fineExempted: { rulingRef: 'EX-1', on: day(-50) } } : {}),
    ...(f.relief === 'instalments' || f.relief === 'overdue'
      ? { instalments: { agreed: true as const, overdue: f.relief === 'overdue' } }
      : {}),
    ...(f.relief === 'escrow' && civil
      ? { escrow: { ref: 'ESC-1', amountFen: spec.dueFen - paid, on: day(-20) } }
      : {}),
    ...(f.relief === 'waiver' && civil ? { victimWaiver: { ref: 'W-1', on: day(-20) } } : {}),
  };
  return {
    schema: 'linkage.enforcement-status.v1',
    messageId: `FJ-LY-XL:s:${spec.judgment}:${spec.itemNo}:${f.version}`,
    sentAt: body.asOf,
    sender: { kind: 'ENFORCING_COURT', id: 'FJ-LY-XL' },
    body,
  };
}

const dossierFacts = fc.record({
  kind: fc.constantFrom('COMMUTATION', 'PAROLE'),
  basis: fc.constantFrom('ORDINARY', 'MERITORIOUS', 'MAJOR_MERITORIOUS'),
  category: fc.constantFrom(
    'OTHER',
    'OTHER',
    'OTHER',
    'JOB_RELATED',
    'FINANCIAL',
    'MAFIA',
    'CORRUPTION_FORMER_OFFICIAL',
  ),
  returned: fc.boolean(),
  finances: fc.option(
    fc.record({
      balance: fc.integer({ min: 0, max: 3_000_000 }),
      spend: fc.array(fc.integer({ min: 0, max: 80_000 }), { minLength: 1, maxLength: 12 }),
      quota: fc.constantFrom(40_000, 50_000, 60_000),
      special: fc.boolean(),
      viaOthers: fc.boolean(),
    }),
    { nil: null },
  ),
  declaration: fc.constantFrom('filed', 'filed', 'refused', 'missing'),
  notice: fc.boolean(),
  thirdParty: fc.boolean(),
  submittedDaysAgo: fc.integer({ min: 0, max: 20 }),
  /** Now and then a proposal from before SPC-2024 took effect (PP-TEMPORAL). */
  beforeSpc2024: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
});

function dossierFor(
  items: ItemSpec[],
  personId: string,
  f: ValueOf<typeof dossierFacts>,
  disagree: Set<string>,
): ReductionDossierMessage {
  const judgments = [0, 1]
    .map((j) => ({
      judgmentId: `(2019)闽0802刑初${100 + j}号`,
      enforcingCourtId: 'FJ-LY-XL',
      items: items
        .filter((i) => i.judgment === j && i.kind !== 'CIVIL_SEPARATE')
        .map((i) => ({
          itemNo: i.itemNo,
          kind: i.kind,
          dueFen: disagree.has(`${j}#${i.itemNo}`) ? i.dueFen + 100 : i.dueFen,
        })),
    }))
    .filter((j, index) => j.items.length > 0 || index === 0);
  return {
    schema: 'linkage.reduction-dossier.v1',
    messageId: 'FJ-P01:dossier:A-1:v1',
    sentAt: instantOn(-f.submittedDaysAgo),
    sender: { kind: 'PRISON', id: 'FJ-P01' },
    body: {
      applicationId: 'FJ-P01-2026-0042',
      kind: f.kind as 'PAROLE',
      basis: f.basis as 'ORDINARY',
      hearingCourtId: 'FJ-LY-ZY',
      prisoner: { prisonerNo: '3508001234', name: '张某', personId },
      offenceCategory: f.category as 'OTHER',
      ...(f.category === 'OTHER' ? {} : { returnedGainsActively: f.returned }),
      judgments,
      finances: f.finances && {
        accountBalanceFen: f.finances.balance,
        monthlySpendFen: f.finances.spend,
        quotaMonthlyFen: f.finances.quota,
        spendingViaOthers: f.finances.viaOthers && f.finances.special,
        ...(f.finances.special ? { specialSpendingReason: 'medical treatment' } : {}),
      },
      assetDeclaration:
        f.declaration === 'missing'
          ? null
          : { filedOn: day(-40), declaredAssetsFen: 0, refusedOrFalse: f.declaration === 'refused' },
      adverseConsequenceNoticeOn: f.notice ? day(-40) : null,
      thirdPartyAssetStatement: f.thirdParty ? { ref: 'TPS-1', on: day(-30) } : null,
      submittedAt: f.beforeSpc2024 ? '2024-04-20T10:00:00+08:00' : instantOn(-f.submittedDaysAgo),
      version: 1,
    },
  };
}

/** A schema-valid case file: `{ now, messages }`. */
export const caseArbitrary = fc
  .record({
    personId: person,
    items: fc.uniqueArray(itemSpec, { minLength: 0, maxLength: 4, selector: (i) => `${i.judgment}#${i.itemNo}` }),
    statuses: fc.array(statusFacts, { minLength: 4, maxLength: 4 }),
    reported: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    dossier: dossierFacts,
    ruling: fc.constantFrom('none', 'none', 'none', 'GRANTED', 'DENIED'),
    overdueRequest: fc.boolean(),
    nowOffsetMinutes: fc.integer({ min: 0, max: 60 * 24 * 10 }),
  })
  .map((c) => {
    const disagree = new Set(
      c.items.filter((_, i) => c.statuses[i]!.dossierDisagrees).map((i) => `${i.judgment}#${i.itemNo}`),
    );
    const statuses = c.items.flatMap((item, i) => (c.reported[i] ? [statusFor(item, c.personId, c.statuses[i]!)] : []));
    const messages: unknown[] = [dossierFor(c.items, c.personId, c.dossier, disagree), ...statuses];
    if (c.ruling !== 'none') messages.push(ruling({ outcome: c.ruling as 'GRANTED', ruledOn: day(-5) }));
    if (c.overdueRequest)
      messages.push(request({ judgmentId: '(2019)闽0802刑初100号', requestedAt: instantOn(-9), dueBy: instantOn(-2) }));
    const now = new Date(Date.parse(instantOn(0)) + c.nowOffsetMinutes * 60_000).toISOString().replace('Z', '+00:00');
    return { now: now.replace(/\.\d{3}/, ''), messages };
  });
