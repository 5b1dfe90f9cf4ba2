// Builders for contract messages and case files, so a test states only what it is about.
// The defaults describe an ordinary prisoner who cannot pay: CLEAR with PP-UNABLE.
import { identityCheckCharacter } from '../shared/contract/primitives.ts';
import type {
  EnforcementStatusMessage,
  ReductionDossierMessage,
  RulingMessage,
  VerificationRequestMessage,
} from '../shared/contract/messages.ts';
import type { FulfilmentFlag } from '../shared/contract/fulfilment-flag.ts';
import type { PolicyOverrides } from '../shared/contract/policy.ts';
import { evaluateCaseValue } from '../shared/rules/evaluate-case.ts';
import type { Evaluation } from '../shared/rules/evaluate.ts';

/** A valid GB 11643 identity number from its first 17 digits. */
export function personIdFrom(first17: string): string {
  return `${first17}${identityCheckCharacter(first17)}`;
}

export const PERSON_ID = personIdFrom('35080219800101123');
export const JUDGMENT = '(2019)闽0802刑初123号';
export const NOW = '2026-11-21T09:00:01+08:00';
export const SUBMITTED_AT = '2026-11-21T09:00:00+08:00';

type DossierBody = ReductionDossierMessage['body'];
type StatusBody = EnforcementStatusMessage['body'];

export function dossier(body: Partial<DossierBody> = {}): ReductionDossierMessage {
  const full: DossierBody = {
    applicationId: 'FJ-P01-2026-0042',
    kind: 'COMMUTATION',
    basis: 'ORDINARY',
    hearingCourtId: 'FJ-LY-ZY',
    prisoner: { prisonerNo: '3508001234', name: '张某', personId: PERSON_ID },
    offenceCategory: 'OTHER',
    judgments: [
      { judgmentId: JUDGMENT, enforcingCourtId: 'FJ-LY-XL', items: [{ itemNo: 1, kind: 'FINE', dueFen: 5_000_000 }] },
    ],
    finances: {
      accountBalanceFen: 21_000,
      monthlySpendFen: [31_000, 29_000, 35_000, 30_000, 28_000, 33_000],
      quotaMonthlyFen: 40_000,
      spendingViaOthers: false,
    },
    assetDeclaration: { filedOn: '2026-10-10', declaredAssetsFen: 0, refusedOrFalse: false },
    adverseConsequenceNoticeOn: '2026-10-10',
    thirdPartyAssetStatement: { ref: 'FJ-P01-TPS-0042', on: '2026-10-12' },
    submittedAt: SUBMITTED_AT,
    version: 1,
    ...body,
  };
  return {
    schema: 'linkage.reduction-dossier.v1',
    messageId: `FJ-P01:dossier:${full.applicationId}:v${full.version}`,
    sentAt: full.submittedAt,
    sender: { kind: 'PRISON', id: 'FJ-P01' },
    body: full,
  };
}

export function status(body: Partial<StatusBody> = {}, senderId = 'FJ-LY-XL'): EnforcementStatusMessage {
  const full: StatusBody = {
    judgmentId: JUDGMENT,
    itemNo: 1,
    personId: PERSON_ID,
    kind: 'FINE',
    dueFen: 5_000_000,
    payments: [{ receiptNo: 'LY2021-000871', amountFen: 1_000_000, payer: 'RELATIVE', paidOn: '2021-03-02' }],
    assetSearch: { completedOn: '2020-09-30', executableAssetsFound: false },
    conduct: [],
    documents: [{ type: 'ENFORCEMENT_RULING', ref: '(2020)闽0802执456号之一', issuedOn: '2020-10-08' }],
    asOf: '2026-11-20T09:30:00+08:00',
    version: 1,
    ...body,
  };
  return {
    schema: 'linkage.enforcement-status.v1',
    messageId: `${senderId}:status:${full.itemNo}:v${full.version}`,
    sentAt: full.asOf,
    sender: { kind: 'ENFORCING_COURT', id: senderId },
    body: full,
  };
}

export function ruling(body: Partial<RulingMessage['body']> = {}): RulingMessage {
  return {
    schema: 'linkage.ruling.v1',
    messageId: 'FJ-LY-ZY:ruling:0007',
    sentAt: '2027-01-15T16:00:00+08:00',
    sender: { kind: 'HEARING_COURT', id: 'FJ-LY-ZY' },
    body: {
      applicationId: 'FJ-P01-2026-0042',
      outcome: 'GRANTED',
      ruledOn: '2027-01-15',
      rulingRef: '(2027)闽08刑更7号',
      ...body,
    },
  };
}

export function request(body: Partial<VerificationRequestMessage['body']> = {}): VerificationRequestMessage {
  return {
    schema: 'linkage.verification-request.v1',
    messageId: 'SERVICE:vr:1',
    sentAt: '2026-11-21T09:00:02+08:00',
    sender: { kind: 'SERVICE', id: 'LINKAGE' },
    body: {
      requestId: 'vr-FJ-P01-2026-0042-1',
      applicationId: 'FJ-P01-2026-0042',
      judgmentId: JUDGMENT,
      itemNos: [1],
      reason: 'STATUS_MISSING',
      requestedAt: '2026-11-21T09:00:02+08:00',
      dueBy: '2026-11-28T09:00:02+08:00',
      ...body,
    },
  };
}

export interface CaseInput {
  now?: string;
  policy?: PolicyOverrides;
  messages: unknown[];
}

export function caseFile({ now = NOW, policy, messages }: CaseInput): Record<string, unknown> {
  return { now, ...(policy ? { policy } : {}), messages };
}

/** Evaluates a case that must be valid; a validation problem fails the test loudly. */
export function run(input: CaseInput): Evaluation {
  const result = evaluateCaseValue(caseFile(input));
  if (!result.ok) throw new Error(`invalid case: ${JSON.stringify(result.problems)}`);
  return result.value;
}

export function flagOf(input: CaseInput): FulfilmentFlag {
  return run(input).flag;
}

export function codes(flag: FulfilmentFlag): string[] {
  return flag.reasons.map((r) => r.code);
}
