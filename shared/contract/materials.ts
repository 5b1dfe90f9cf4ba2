// The Art 5 intake materials a flag can name as missing (contract: missingMaterials, and the
// materials of a SUPPLY_MATERIALS remedy).
export const MATERIALS = [
  'ENFORCEMENT_RECORD',
  'ASSET_DECLARATION',
  'THIRD_PARTY_ASSET_STATEMENT',
  'ADVERSE_CONSEQUENCE_NOTICE',
  'CONSUMPTION_AND_BALANCE',
] as const;
export type Material = (typeof MATERIALS)[number];
