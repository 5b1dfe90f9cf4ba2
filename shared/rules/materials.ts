// Art 5 intake materials (rules R05, R06; contract semantics 5): while anything is unpaid
// or unknown, the court needs five kinds of material; seven days after the first
// submission a gap stops the case being filed (不予立案).
import type { Material } from '../contract/fulfilment-flag.ts';
import type { EvaluationContext } from './context.ts';
import { finding, listing, type Finding } from './finding.ts';
import type { AssessedItem } from './items.ts';
import { materialsLastDay } from './periods.ts';

export interface MaterialsAssessment {
  readonly missing: readonly Material[];
  readonly findings: readonly Finding[];
}

export const MATERIAL_WORDS: Record<Material, string> = {
  ENFORCEMENT_RECORD: 'enforcement record (5(i))',
  ASSET_DECLARATION: 'asset declaration (5(ii))',
  THIRD_PARTY_ASSET_STATEMENT: 'statement on assets held (5(iii))',
  ADVERSE_CONSEQUENCE_NOTICE: 'adverse-consequence notice (5(iv))',
  CONSUMPTION_AND_BALANCE: 'consumption and balance record (5(v))',
};

export function assessMaterials(ctx: EvaluationContext, items: readonly AssessedItem[]): MaterialsAssessment {
  if (!items.some((i) => i.state === 'UNSATISFIED' || i.state === 'UNKNOWN')) return { missing: [], findings: [] };
  const dossier = ctx.facts.dossier;
  const undocumented = items.filter((i) => i.state === 'UNSATISFIED' && i.status?.body.documents.length === 0);
  const present: Record<Material, boolean> = {
    ENFORCEMENT_RECORD: undocumented.length === 0,
    ASSET_DECLARATION: dossier.assetDeclaration !== null,
    THIRD_PARTY_ASSET_STATEMENT:
      dossier.thirdPartyAssetStatement !== null || items.some((i) => i.status?.body.assetSearch !== undefined),
    ADVERSE_CONSEQUENCE_NOTICE: dossier.adverseConsequenceNoticeOn !== null,
    CONSUMPTION_AND_BALANCE: dossier.finances !== null,
  };
  const missing = (Object.keys(present) as Material[]).filter((m) => !present[m]);
  if (missing.length === 0) return { missing, findings: [] };

  // Point 16: the period runs through the 7th day after the first submission's date.
  const deadline = materialsLastDay(ctx);
  const what = listing(missing.map((m) => MATERIAL_WORDS[m]));
  const keys = undocumented.map((i) => i.key);
  const late = ctx.today > deadline;
  return {
    missing,
    findings: [
      late
        ? finding(
            'PP-MAT-MISSING',
            `Still missing after the ${ctx.policy.materialsGraceDays}-day period that ended on ${deadline}: ${what}; the case is not to be filed.`,
            keys,
          )
        : finding(
            'PP-MAT-PENDING',
            `Missing: ${what}; the prison may supply them until the ${ctx.policy.materialsGraceDays}-day period ends at the end of ${deadline}.`,
            keys,
          ),
    ],
  };
}
