// Builders for realistic v1 messages, dated relative to "now": what prisons, enforcing
// courts and the hearing court of the demo send. Used by the demo and the integration tests.
import type { EnforcementStatus } from '../../shared/contract/enforcement-status.ts';
import type {
  EnforcementStatusMessage,
  ReductionDossierMessage,
  RulingMessage,
} from '../../shared/contract/messages.ts';
import { identityCheckCharacter } from '../../shared/contract/primitives.ts';
import type { ReductionDossier } from '../../shared/contract/reduction-dossier.ts';
import { addDays, formatInstant, localDate } from '../../shared/time/calendar.ts';

const CST = 8 * 60;

/** Calendar and instants around one "now", in China Standard Time. */
export class DemoClock {
  readonly nowMs: number;

  constructor(nowMs: number) {
    this.nowMs = nowMs;
  }

  /** An instant `minutes` before now. */
  instant(minutesAgo = 0): string {
    return formatInstant(this.nowMs - minutesAgo * 60_000, CST);
  }

  /** The date `days` before today. */
  date(daysAgo = 0): string {
    return addDays(localDate(this.nowMs, CST), -daysAgo);
  }
}

/** A valid 18-character identity number (GB 11643 check digit) for a region, birth date and sequence. */
export function identityNumber(region: string, birth: string, sequence: number): string {
  const first17 = `${region}${birth.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return `${first17}${identityCheckCharacter(first17)}`;
}

export interface Prisoner {
  readonly prisonerNo: string;
  readonly name: string;
  readonly personId: string;
}

export interface JudgmentItem {
  readonly judgmentId: string;
  readonly enforcingCourtId: string;
  readonly itemNo: number;
  readonly kind: EnforcementStatus['kind'];
  readonly dueFen: number;
}

/** The Art 5 materials a complete dossier carries; `balanceFen` is the prison account balance. */
export function completeMaterials(
  clock: DemoClock,
  balanceFen: number,
): Pick<ReductionDossier, 'finances' | 'assetDeclaration' | 'adverseConsequenceNoticeOn' | 'thirdPartyAssetStatement'> {
  return {
    finances: {
      accountBalanceFen: balanceFen,
      monthlySpendFen: [31000, 29000, 35000, 30000, 28000, 33000],
      quotaMonthlyFen: 40000,
      spendingViaOthers: false,
    },
    assetDeclaration: { filedOn: clock.date(40), declaredAssetsFen: 0, refusedOrFalse: false },
    adverseConsequenceNoticeOn: clock.date(40),
    thirdPartyAssetStatement: { ref: `TPS-${clock.date(35)}`, on: clock.date(35) },
  };
}

export function dossierMessage(
  clock: DemoClock,
  options: {
    prisonId: string;
    hearingCourtId: string;
    applicationId: string;
    kind: ReductionDossier['kind'];
    prisoner: Prisoner;
    items: readonly JudgmentItem[];
    materials: Pick<
      ReductionDossier,
      'finances' | 'assetDeclaration' | 'adverseConsequenceNoticeOn' | 'thirdPartyAssetStatement'
    >;
    version?: number;
  },
): ReductionDossierMessage {
  const version = options.version ?? 1;
  const judgments = [...new Set(options.items.map((i) => i.judgmentId))].map((judgmentId) => {
    const items = options.items.filter((i) => i.judgmentId === judgmentId);
    return {
      judgmentId,
      enforcingCourtId: items[0]!.enforcingCourtId,
      items: items.map((i) => ({ itemNo: i.itemNo, kind: i.kind, dueFen: i.dueFen })),
    };
  });
  const sentAt = clock.instant(30);
  return {
    schema: 'linkage.reduction-dossier.v1',
    messageId: `${options.prisonId}:dossier:${options.applicationId}:v${version}`,
    sentAt,
    sender: { kind: 'PRISON', id: options.prisonId },
    body: {
      applicationId: options.applicationId,
      kind: options.kind,
      basis: 'ORDINARY',
      hearingCourtId: options.hearingCourtId,
      prisoner: { ...options.prisoner },
      offenceCategory: 'OTHER',
      judgments,
      ...options.materials,
      submittedAt: sentAt,
      version,
    },
  };
}

export function statusMessage(
  clock: DemoClock,
  item: JudgmentItem,
  personId: string,
  details: Partial<Pick<EnforcementStatus, 'payments' | 'assetSearch' | 'conduct' | 'documents' | 'inReplyTo'>> & {
    version: number;
    label: string;
  },
): EnforcementStatusMessage {
  const { version, label, ...rest } = details;
  return {
    schema: 'linkage.enforcement-status.v1',
    messageId: `${item.enforcingCourtId}:status:${label}:v${version}`,
    sentAt: clock.instant(0),
    sender: { kind: 'ENFORCING_COURT', id: item.enforcingCourtId },
    body: {
      judgmentId: item.judgmentId,
      itemNo: item.itemNo,
      enforcementCaseId: `${item.judgmentId.replace('刑初', '执')}-${item.itemNo}`,
      personId,
      kind: item.kind,
      dueFen: item.dueFen,
      payments: [],
      conduct: [],
      documents: [{ type: 'ENFORCEMENT_RULING', ref: `${label}-ER`, issuedOn: clock.date(400) }],
      ...rest,
      asOf: clock.instant(60 * 24),
      version,
    },
  };
}

export function rulingMessage(
  clock: DemoClock,
  hearingCourtId: string,
  applicationId: string,
  outcome: RulingMessage['body']['outcome'],
  ruledOn: string,
): RulingMessage {
  return {
    schema: 'linkage.ruling.v1',
    messageId: `${hearingCourtId}:ruling:${applicationId}:${outcome}`,
    sentAt: clock.instant(10),
    sender: { kind: 'HEARING_COURT', id: hearingCourtId },
    body: {
      applicationId,
      outcome,
      ruledOn,
      rulingRef: `(${ruledOn.slice(0, 4)})闽08刑更${applicationId.slice(-4)}号`,
    },
  };
}
