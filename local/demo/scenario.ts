// The demo's story: two prisons propose seven prisoners for commutation or parole to the
// Longyan Intermediate Court; three enforcing courts report on their property penalties.
//   paid        paid the fine in full                               → CLEAR
//   unable      asset search found nothing, little money            → CLEAR (PP-UNABLE)
//   hiding      hides the proceeds' whereabouts                     → BLOCK
//   missing     no status yet: verification request, court answers → FLAG, then CLEAR
//   family      unpaid, ability unknown; the family pays            → FLAG, then CLEAR
//   revoked     paid, parole granted, concealment found afterwards  → CLEAR, then REVOKE
//   cooloff     obstruction ceased; pays; waits out the cool-off    → BLOCK, BLOCK (until the
//               cool-off ends), then CLEAR on that day, by the deadline sweep alone
import type {
  EnforcementStatusMessage,
  ReductionDossierMessage,
  RulingMessage,
} from '../../shared/contract/messages.ts';
import type { Decision, ReasonCode } from '../../shared/contract/reason-codes.ts';
import type { EnforcementStatus } from '../../shared/contract/enforcement-status.ts';
import type { VerificationRequest } from '../../shared/contract/verification-request.ts';
import { addDays, addMonths } from '../../shared/time/calendar.ts';
import {
  completeMaterials,
  DemoClock,
  dossierMessage,
  identityNumber,
  rulingMessage,
  statusMessage,
  type JudgmentItem,
  type Prisoner,
} from './messages.ts';

export const HEARING_COURT = 'FJ-LY-ZY';

export interface Story {
  readonly key: 'paid' | 'unable' | 'hiding' | 'missing' | 'family' | 'revoked' | 'cooloff';
  readonly title: string;
  readonly applicationId: string;
  readonly prisonId: string;
  readonly prisoner: Prisoner;
  readonly item: JudgmentItem;
  /** Each revision the hearing court should receive: its decision and a reason it must give. */
  readonly expected: readonly { readonly decision: Decision; readonly reason: ReasonCode }[];
}

const prisoner = (prisonerNo: string, name: string, birth: string, sequence: number): Prisoner => ({
  prisonerNo,
  name,
  personId: identityNumber('350802', birth, sequence),
});

export const STORIES: readonly Story[] = [
  {
    key: 'paid',
    title: 'paid the fine in full',
    applicationId: 'FJ-P01-2026-0101',
    prisonId: 'FJ-P01',
    prisoner: prisoner('3508010101', '陈某', '1979-03-14', 101),
    item: {
      judgmentId: '(2021)闽0802刑初101号',
      enforcingCourtId: 'FJ-LY-XL',
      itemNo: 1,
      kind: 'FINE',
      dueFen: 2_000_000,
    },
    expected: [{ decision: 'CLEAR', reason: 'PP-SATISFIED' }],
  },
  {
    key: 'unable',
    title: 'unable to pay: nothing found, little money',
    applicationId: 'FJ-P02-2026-0102',
    prisonId: 'FJ-P02',
    prisoner: prisoner('3508020102', '林某', '1985-07-02', 102),
    item: {
      judgmentId: '(2020)闽0203刑初55号',
      enforcingCourtId: 'FJ-XM-SM',
      itemNo: 1,
      kind: 'FINE',
      dueFen: 5_000_000,
    },
    expected: [{ decision: 'CLEAR', reason: 'PP-UNABLE' }],
  },
  {
    key: 'hiding',
    title: "hides the proceeds' whereabouts",
    applicationId: 'FJ-P01-2026-0103',
    prisonId: 'FJ-P01',
    prisoner: prisoner('3508010103', '黄某', '1976-11-20', 103),
    item: {
      judgmentId: '(2019)闽0881刑初210号',
      enforcingCourtId: 'FJ-LY-ZP',
      itemNo: 1,
      kind: 'FINE',
      dueFen: 3_000_000,
    },
    expected: [{ decision: 'BLOCK', reason: 'PP-REFUSE-6.1' }],
  },
  {
    key: 'missing',
    title: 'no status: verification request, then the court answers',
    applicationId: 'FJ-P02-2026-0104',
    prisonId: 'FJ-P02',
    prisoner: prisoner('3508020104', '吴某', '1990-01-09', 104),
    item: {
      judgmentId: '(2022)闽0802刑初17号',
      enforcingCourtId: 'FJ-LY-XL',
      itemNo: 1,
      kind: 'FINE',
      dueFen: 1_000_000,
    },
    expected: [
      { decision: 'FLAG', reason: 'PP-STATUS-MISSING' },
      { decision: 'CLEAR', reason: 'PP-SATISFIED' },
    ],
  },
  {
    key: 'family',
    title: 'ability unknown, then the family pays',
    applicationId: 'FJ-P01-2026-0105',
    prisonId: 'FJ-P01',
    prisoner: prisoner('3508010105', '郑某', '1983-05-27', 105),
    item: {
      judgmentId: '(2021)闽0203刑初88号',
      enforcingCourtId: 'FJ-XM-SM',
      itemNo: 1,
      kind: 'FINE',
      dueFen: 800_000,
    },
    expected: [
      { decision: 'FLAG', reason: 'PP-ABLE-CHECK' },
      { decision: 'CLEAR', reason: 'PP-SATISFIED' },
    ],
  },
  {
    key: 'revoked',
    title: 'paid, parole granted, concealment found later',
    applicationId: 'FJ-P02-2026-0106',
    prisonId: 'FJ-P02',
    prisoner: prisoner('3508020106', '王某', '1972-09-30', 106),
    item: { judgmentId: '(2018)闽0881刑初9号', enforcingCourtId: 'FJ-LY-ZP', itemNo: 1, kind: 'FINE', dueFen: 600_000 },
    expected: [
      { decision: 'CLEAR', reason: 'PP-SATISFIED' },
      { decision: 'REVOKE', reason: 'PP-REVOKE' },
    ],
  },
  {
    key: 'cooloff',
    title: 'obstruction ceased; pays; CLEAR when the cool-off ends',
    applicationId: 'FJ-P01-2026-0107',
    prisonId: 'FJ-P01',
    prisoner: prisoner('3508010107', '刘某', '1981-02-11', 107),
    item: {
      judgmentId: '(2020)闽0802刑初64号',
      enforcingCourtId: 'FJ-LY-XL',
      itemNo: 1,
      kind: 'FINE',
      dueFen: 1_500_000,
    },
    expected: [
      { decision: 'BLOCK', reason: 'PP-COOLOFF-6M' },
      { decision: 'BLOCK', reason: 'PP-COOLOFF-6M' },
      { decision: 'CLEAR', reason: 'PP-SATISFIED' },
    ],
  },
];

export const story = (key: Story['key']): Story => STORIES.find((s) => s.key === key)!;

const paidInFull = (clock: DemoClock, s: Story, payer: 'SELF' | 'RELATIVE', receiptNo: string) => ({
  payments: [{ receiptNo, amountFen: s.item.dueFen, payer, paidOn: clock.date(60) }],
  documents: [
    { type: 'ENFORCEMENT_RULING' as const, ref: `${receiptNo}-ER`, issuedOn: clock.date(400) },
    { type: 'PAYMENT_RECEIPT' as const, ref: receiptNo, issuedOn: clock.date(60) },
    { type: 'CLOSURE_NOTICE' as const, ref: `${receiptNo}-CN`, issuedOn: clock.date(55) },
  ],
});

/** Phase 1: what the enforcing courts already reported before the proposals arrive. */
export function knownStatuses(clock: DemoClock): EnforcementStatusMessage[] {
  const s = (key: Story['key']) => story(key);
  return [
    statusMessage(clock, s('paid').item, s('paid').prisoner.personId, {
      label: 'XL-0101',
      version: 3,
      ...paidInFull(clock, s('paid'), 'SELF', 'LY2025-001101'),
    }),
    statusMessage(clock, s('unable').item, s('unable').prisoner.personId, {
      label: 'SM-0102',
      version: 2,
      payments: [{ receiptNo: 'XM2024-000102', amountFen: 1_000_000, payer: 'RELATIVE', paidOn: clock.date(300) }],
      assetSearch: { completedOn: clock.date(90), executableAssetsFound: false },
    }),
    statusMessage(clock, s('hiding').item, s('hiding').prisoner.personId, {
      label: 'ZP-0103',
      version: 4,
      assetSearch: { completedOn: clock.date(100), executableAssetsFound: true, foundFen: 800_000 },
      conduct: [
        {
          code: 'HIDES_PROCEEDS_WHEREABOUTS',
          foundOn: clock.date(80),
          detail: 'illegal gains moved through third-party accounts; whereabouts not disclosed',
        },
      ],
    }),
    statusMessage(clock, s('family').item, s('family').prisoner.personId, { label: 'SM-0105', version: 1 }),
    statusMessage(clock, s('revoked').item, s('revoked').prisoner.personId, {
      label: 'ZP-0106',
      version: 1,
      ...paidInFull(clock, s('revoked'), 'SELF', 'ZP2024-000106'),
    }),
    statusMessage(clock, s('cooloff').item, s('cooloff').prisoner.personId, {
      label: 'XL-0107',
      version: 1,
      conduct: obstructionCeased(clock),
    }),
  ];
}

/**
 * The cool-off story's obstruction: ceased so long ago that the six-month wait ends on the
 * first day after today (a calendar month has no 31st, so this is counted, not assumed).
 */
export function coolOffDates(clock: DemoClock): { ceasedOn: string; endsOn: string } {
  const today = clock.date(0);
  let ceasedOn = addDays(addMonths(today, -6), -3);
  while (addMonths(ceasedOn, 6) <= today) ceasedOn = addDays(ceasedOn, 1);
  return { ceasedOn, endsOn: addMonths(ceasedOn, 6) };
}

function obstructionCeased(clock: DemoClock): EnforcementStatus['conduct'] {
  const { ceasedOn } = coolOffDates(clock);
  return [
    {
      code: 'OBSTRUCTS_ENFORCEMENT',
      foundOn: addDays(ceasedOn, -120),
      ceasedOn,
      detail: 'refused to appear for the property report; appeared and reported later',
    },
  ];
}

/** Phase 3: the cool-off prisoner pays in full today; the cool-off still runs from the cessation. */
export function coolOffPayment(clock: DemoClock): EnforcementStatusMessage {
  const s = story('cooloff');
  return statusMessage(clock, s.item, s.prisoner.personId, {
    label: 'XL-0107',
    version: 2,
    conduct: obstructionCeased(clock),
    payments: [{ receiptNo: 'LY2026-000107', amountFen: s.item.dueFen, payer: 'SELF', paidOn: clock.date(0) }],
    documents: [{ type: 'PAYMENT_RECEIPT', ref: 'LY2026-000107', issuedOn: clock.date(0) }],
  });
}

/** A status with an invalid identity number (wrong check digit): the service rejects it. */
export function invalidStatus(clock: DemoClock): { senderId: string; message: EnforcementStatusMessage } {
  const s = story('hiding');
  const valid = statusMessage(clock, s.item, s.prisoner.personId, { label: 'ZP-TYPO', version: 9 });
  const wrongCheck = `${s.prisoner.personId.slice(0, 17)}${s.prisoner.personId.endsWith('0') ? '1' : '0'}`;
  return { senderId: s.item.enforcingCourtId, message: { ...valid, body: { ...valid.body, personId: wrongCheck } } };
}

/** Phase 2: the prisons' proposals. */
export function dossiers(clock: DemoClock): ReductionDossierMessage[] {
  const balance: Record<Story['key'], number> = {
    paid: 120_000,
    unable: 21_000,
    hiding: 45_000,
    missing: 60_000,
    family: 30_000,
    revoked: 80_000,
    cooloff: 2_000_000,
  };
  return STORIES.map((s) =>
    dossierMessage(clock, {
      prisonId: s.prisonId,
      hearingCourtId: HEARING_COURT,
      applicationId: s.applicationId,
      kind: s.key === 'revoked' || s.key === 'unable' ? 'PAROLE' : 'COMMUTATION',
      prisoner: s.prisoner,
      items: [s.item],
      materials: completeMaterials(clock, balance[s.key]),
    }),
  );
}

/** Phase 3: the court answers the verification request (paid, as it turns out). */
export function answerToRequest(clock: DemoClock, request: VerificationRequest): EnforcementStatusMessage {
  const s = story('missing');
  return statusMessage(clock, s.item, s.prisoner.personId, {
    label: 'XL-0104',
    version: 1,
    inReplyTo: request.requestId,
    ...paidInFull(clock, s, 'SELF', 'LY2026-000104'),
  });
}

/** Phase 3: the family pays what was owed. */
export function familyPayment(clock: DemoClock): EnforcementStatusMessage {
  const s = story('family');
  return statusMessage(clock, s.item, s.prisoner.personId, {
    label: 'SM-0105',
    version: 2,
    ...paidInFull(clock, s, 'RELATIVE', 'XM2026-000105'),
  });
}

/** Phase 3: the hearing court grants the parole (yesterday). */
export function grant(clock: DemoClock): RulingMessage {
  return rulingMessage(clock, HEARING_COURT, story('revoked').applicationId, 'GRANTED', clock.date(1));
}

/** Phase 4: after the grant, the enforcing court finds serious concealment of assets. */
export function concealmentFound(clock: DemoClock): EnforcementStatusMessage {
  const s = story('revoked');
  return statusMessage(clock, s.item, s.prisoner.personId, {
    label: 'ZP-0106',
    version: 2,
    ...paidInFull(clock, s, 'SELF', 'ZP2024-000106'),
    conduct: [
      {
        code: 'CONCEALS_OR_TRANSFERS_ASSETS',
        foundOn: clock.date(0),
        serious: true,
        detail: 'a flat transferred to a relative before the judgment was found',
      },
    ],
  });
}
