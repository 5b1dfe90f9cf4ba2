// A reduction dossier body ⇄ the dossier form's values: the same field names (the contract's
// error paths land on their fields), money as yuan text, optional parts behind a checkbox.
import type { ReductionDossier } from '../../../shared/contract/reduction-dossier.ts';
import { fenToYuan, yuanToFen, YUAN_PROBLEM } from './money.ts';
import type { FieldError } from './validate.ts';

export interface DossierValues {
  applicationId?: string;
  kind?: string;
  basis?: string;
  hearingCourtId?: string;
  prisoner?: { prisonerNo?: string; name?: string; personId?: string };
  offenceCategory?: string;
  returnedGainsActively?: boolean;
  judgments?: {
    judgmentId?: string;
    enforcingCourtId?: string;
    items?: { itemNo?: number; kind?: string; dueFen?: string }[];
  }[];
  hasFinances?: boolean;
  finances?: {
    accountBalanceFen?: string;
    monthlySpendFen?: string[];
    quotaMonthlyFen?: string;
    specialSpendingReason?: string;
    spendingViaOthers?: boolean;
  };
  hasDeclaration?: boolean;
  assetDeclaration?: { filedOn?: string; declaredAssetsFen?: string; refusedOrFalse?: boolean };
  adverseConsequenceNoticeOn?: string;
  hasStatement?: boolean;
  thirdPartyAssetStatement?: { ref?: string; on?: string };
  version?: number;
}

export const EMPTY_DOSSIER: DossierValues = {
  kind: 'COMMUTATION',
  basis: 'ORDINARY',
  offenceCategory: 'OTHER',
  judgments: [{ items: [{ itemNo: 1, kind: 'FINE' }] }],
  hasFinances: true,
  finances: { monthlySpendFen: [''], spendingViaOthers: false },
  hasDeclaration: true,
  assetDeclaration: { refusedOrFalse: false },
  hasStatement: false,
  version: 1,
};

const list = <T>(value: readonly T[] | undefined): T[] => (Array.isArray(value) ? [...value] : []);

/** Tolerates a refused body (correct and resend): any part may be missing or of the wrong type. */
export function dossierToValues(body: ReductionDossier): DossierValues {
  return {
    applicationId: body.applicationId,
    kind: body.kind,
    basis: body.basis,
    hearingCourtId: body.hearingCourtId,
    prisoner: { ...(body.prisoner ?? {}) },
    offenceCategory: body.offenceCategory,
    ...(body.returnedGainsActively === undefined ? {} : { returnedGainsActively: body.returnedGainsActively }),
    judgments: list(body.judgments).map((j) => ({
      judgmentId: j.judgmentId,
      enforcingCourtId: j.enforcingCourtId,
      items: list(j.items).map((i) => ({
        itemNo: i.itemNo,
        kind: i.kind,
        dueFen: i.dueFen === null ? '' : fenToYuan(i.dueFen),
      })),
    })),
    hasFinances: body.finances !== null && body.finances !== undefined,
    finances: body.finances
      ? {
          accountBalanceFen: fenToYuan(body.finances.accountBalanceFen),
          monthlySpendFen: list(body.finances.monthlySpendFen).map(fenToYuan),
          quotaMonthlyFen: fenToYuan(body.finances.quotaMonthlyFen),
          specialSpendingReason: body.finances.specialSpendingReason ?? '',
          spendingViaOthers: body.finances.spendingViaOthers,
        }
      : EMPTY_DOSSIER.finances!,
    hasDeclaration: body.assetDeclaration !== null && body.assetDeclaration !== undefined,
    assetDeclaration: body.assetDeclaration
      ? { ...body.assetDeclaration, declaredAssetsFen: fenToYuan(body.assetDeclaration.declaredAssetsFen) }
      : { refusedOrFalse: false },
    adverseConsequenceNoticeOn: body.adverseConsequenceNoticeOn ?? '',
    hasStatement: body.thirdPartyAssetStatement !== null && body.thirdPartyAssetStatement !== undefined,
    thirdPartyAssetStatement: body.thirdPartyAssetStatement ?? {},
    version: body.version,
  };
}

const blank = (text: string | undefined) => text === undefined || text.trim() === '';

export function valuesToDossier(
  values: DossierValues,
  submittedAt: string,
): { body: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const money = (text: string | undefined, name: (string | number)[]): number | undefined => {
    if (blank(text)) return undefined;
    const fen = yuanToFen(text!);
    if (fen === undefined) errors.push({ name, errors: [YUAN_PROBLEM] });
    return fen;
  };
  const f = values.finances ?? {};
  const body: Record<string, unknown> = {
    applicationId: values.applicationId?.trim(),
    kind: values.kind,
    basis: values.basis,
    hearingCourtId: values.hearingCourtId,
    prisoner: {
      prisonerNo: values.prisoner?.prisonerNo?.trim(),
      name: values.prisoner?.name?.trim(),
      personId: values.prisoner?.personId?.trim().toUpperCase(),
    },
    offenceCategory: values.offenceCategory,
    ...(values.offenceCategory !== 'OTHER' && values.returnedGainsActively !== undefined
      ? { returnedGainsActively: values.returnedGainsActively }
      : {}),
    judgments: (values.judgments ?? []).map((j, ji) => ({
      judgmentId: j.judgmentId?.trim(),
      enforcingCourtId: j.enforcingCourtId,
      items: (j.items ?? []).map((i, ii) => ({
        itemNo: i.itemNo,
        kind: i.kind,
        dueFen: money(i.dueFen, ['judgments', ji, 'items', ii, 'dueFen']) ?? null,
      })),
    })),
    finances: values.hasFinances
      ? {
          accountBalanceFen: money(f.accountBalanceFen, ['finances', 'accountBalanceFen']),
          monthlySpendFen: (f.monthlySpendFen ?? []).map((m, i) => money(m, ['finances', 'monthlySpendFen', i])),
          quotaMonthlyFen: money(f.quotaMonthlyFen, ['finances', 'quotaMonthlyFen']),
          ...(blank(f.specialSpendingReason) ? {} : { specialSpendingReason: f.specialSpendingReason }),
          spendingViaOthers: f.spendingViaOthers ?? false,
        }
      : null,
    assetDeclaration: values.hasDeclaration
      ? {
          filedOn: values.assetDeclaration?.filedOn,
          declaredAssetsFen: money(values.assetDeclaration?.declaredAssetsFen, [
            'assetDeclaration',
            'declaredAssetsFen',
          ]),
          refusedOrFalse: values.assetDeclaration?.refusedOrFalse ?? false,
        }
      : null,
    adverseConsequenceNoticeOn: blank(values.adverseConsequenceNoticeOn) ? null : values.adverseConsequenceNoticeOn,
    thirdPartyAssetStatement: values.hasStatement
      ? { ref: values.thirdPartyAssetStatement?.ref?.trim(), on: values.thirdPartyAssetStatement?.on }
      : null,
    submittedAt,
    version: values.version ?? 1,
  };
  return { body, errors };
}
