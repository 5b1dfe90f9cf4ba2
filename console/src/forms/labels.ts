// Chinese and English names of the status form's enums (glossary-zh.md).
type Pair = readonly [string, string];

export const PAYER: Record<string, Pair> = {
  SELF: ['本人', 'The prisoner'],
  RELATIVE: ['亲属代缴', 'A relative'],
  OTHER: ['他人代缴', 'Someone else'],
};

export const CONDUCT: Record<string, Pair> = {
  HIDES_PROCEEDS_WHEREABOUTS: ['拒不交代赃款、赃物去向', 'Hides where the proceeds went'],
  CONCEALS_OR_TRANSFERS_ASSETS: ['隐瞒、藏匿、转移财产', 'Conceals or transfers assets'],
  OBSTRUCTS_ENFORCEMENT: ['妨害财产性判项执行', 'Obstructs enforcement'],
  FALSE_DECLARATION: ['拒不申报或虚假申报财产', 'Refused or false declaration'],
};

export const DOCUMENT_TYPE: Record<string, Pair> = {
  CLOSURE_NOTICE: ['结案通知书', 'Closure notice'],
  PAYMENT_RECEIPT: ['缴款凭证', 'Payment receipt'],
  EXECUTION_STATEMENT: ['执行情况说明', 'Execution statement'],
  ENFORCEMENT_RULING: ['执行裁定书', 'Enforcement ruling'],
};

export const OFFENCE_CATEGORY: Record<string, Pair> = {
  OTHER: ['其他犯罪', 'Other'],
  JOB_RELATED: ['职务犯罪', 'Job-related'],
  FINANCIAL: ['破坏金融管理秩序和金融诈骗犯罪', 'Financial'],
  MAFIA: ['组织、领导、参加黑社会性质组织犯罪', 'Organised crime'],
  CORRUPTION_FORMER_OFFICIAL: ['原县处级以上职务犯罪', 'Corruption (former official)'],
};
