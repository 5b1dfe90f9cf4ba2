// The contract's codes in the words court, prison and procuratorate staff use
// (../shared/domain/glossary-zh.md), Chinese first, English second. One table per enum.
type Pair = readonly [zh: string, en: string];

export const SPC_2024 = [
  '《最高人民法院关于办理减刑、假释案件审查财产性判项执行问题的规定》',
  'SPC Provisions (Fa Shi [2024] No. 5)',
] as const;
export const SPC_2019 = [
  '《最高人民法院关于办理减刑、假释案件具体应用法律的补充规定》',
  'SPC Supplementary Provisions (Fa Shi [2019] No. 6)',
] as const;

/** Solid tag colours: white text on them has at least 4.5:1 contrast (WCAG AA). */
export const TONE = { good: '#237804', warn: '#ad4e00', bad: '#a8071a', info: '#0b4aa8', neutral: '#595959' } as const;

export const DECISION: Record<string, { badge: Pair; meaning: Pair; color: string }> = {
  CLEAR: {
    badge: ['无障碍', 'Clear'],
    meaning: ['财产性判项不构成减刑、假释障碍', 'Property penalties are no obstacle'],
    color: '#237804',
  },
  FLAG: {
    badge: ['需审查', 'Review'],
    meaning: ['存在需要审理法院审查的情形', 'The hearing court must review'],
    color: '#ad4e00',
  },
  BLOCK: {
    badge: ['有障碍', 'Blocked'],
    meaning: ['依规定一般不予减刑、假释（或不予立案）', 'Generally no commutation or parole'],
    color: '#a8071a',
  },
  REVOKE: {
    badge: ['建议撤销', 'Revoke'],
    meaning: ['减刑、假释后发现严重情节，建议依法撤销', 'Serious conduct found after the grant: revoke'],
    color: '#780650',
  },
};

/** Reason code → short label and its article (SPC-2024 unless the article names another rule). */
export const REASON: Record<string, { label: Pair; article: Pair; rule?: 'SPC-2019' }> = {
  'PP-TEMPORAL': {
    label: ['2024年5月1日前提请，本规定不适用', 'Proposed before 1 May 2024: rules do not apply'],
    article: ['第十五条', 'Art 15'],
  },
  'PP-NONE': { label: ['无财产性判项', 'No property penalties'], article: ['第一条', 'Art 1'] },
  'PP-SATISFIED': {
    label: ['财产性判项已全部履行', 'All property penalties satisfied'],
    article: ['第二条、第四条', 'Arts 2, 4'],
  },
  'PP-ITEMS-MISMATCH': {
    label: ['提请材料与执行法院的判项不一致', "Dossier items differ from the enforcing court's"],
    article: ['第十三条第一款', 'Art 13(1)'],
  },
  'PP-STATUS-MISSING': {
    label: ['缺少执行法院履行情况，已发核实函', 'No status from the enforcing court: request sent'],
    article: ['第十三条第二款', 'Art 13(2)'],
  },
  'PP-STATUS-STALE': {
    label: ['履行情况未及时更新，已发核实函', 'Status out of date: request sent'],
    article: ['第十三条第二款', 'Art 13(2)'],
  },
  'PP-MAT-PENDING': {
    label: ['材料不全，补送期内', 'Materials incomplete, within the grace period'],
    article: ['第五条', 'Art 5'],
  },
  'PP-MAT-MISSING': {
    label: ['逾期未补送材料，不予立案', 'Materials not supplied in time: not filed'],
    article: ['第五条', 'Art 5'],
  },
  'PP-REFUSE-6.1': {
    label: ['有隐瞒、藏匿、转移财产等拒不履行情形', 'Concealing or transferring assets'],
    article: ['第六条第一款', 'Art 6(1)'],
  },
  'PP-REFUSE-6.2': {
    label: ['超标准消费或通过他人消费', 'Spending above the standard or through others'],
    article: ['第六条第二款', 'Art 6(2)'],
  },
  'PP-SPEND-NEAR': {
    label: ['消费高于标准（容差内或主张特殊理由）', 'Spending above the standard (within tolerance or special reason)'],
    article: ['第六条第二款', 'Art 6(2)'],
  },
  'PP-COOLOFF-6M': {
    label: ['拒不履行情形消除未满六个月', 'Less than six months since the conduct ceased'],
    article: ['第六条第三款', 'Art 6(3)'],
  },
  'PP-AMBIG-6.3': {
    label: ['六个月自情形消除起算，判项仍未履行', 'Six months passed, items still unpaid'],
    article: ['第六条第三款', 'Art 6(3)'],
  },
  'PP-UNABLE': { label: ['确无履行能力', 'Truly unable to pay'], article: ['第四条第三款、第七条', 'Arts 4(3), 7'] },
  'PP-ABLE-CHECK': {
    label: ['履行能力尚未查明', 'Ability to pay not yet established'],
    article: ['第三条、第七条', 'Arts 3, 7'],
  },
  'PP-ABLE-UNPAID': {
    label: ['有履行能力而不履行', 'Able to pay, has not paid'],
    article: ['第四条第一款', 'Art 4(1)'],
  },
  'PP-FINE-EXEMPT': { label: ['罚金已裁定免除', 'Fine exempted by ruling'], article: ['第八条第一款', 'Art 8(1)'] },
  'PP-FINE-INSTAL': {
    label: ['罚金按期分期缴纳', 'Fine paid in instalments on time'],
    article: ['第八条第二款', 'Art 8(2)'],
  },
  'PP-CONFISC': { label: ['没收财产正在执行', 'Confiscation being enforced'], article: ['第九条', 'Art 9'] },
  'PP-CIVIL-10': {
    label: ['民事赔偿已提存、按期履行或被害人放弃', 'Civil compensation lodged, on schedule or waived'],
    article: ['第十条', 'Art 10'],
  },
  'PP-CIVIL-FIRST': {
    label: ['财产不足时优先履行民事赔偿', 'Civil compensation comes first'],
    article: ['第十一条第二款', 'Art 11(2)'],
  },
  'PP-CAT-12': {
    label: ['第十二条所列犯罪未积极退赃、协助追缴、退赔', 'Art 12 offence without active restitution'],
    article: ['第十二条', 'Art 12'],
  },
  'PP-CORR-2019': {
    label: ['原国家工作人员贪污贿赂犯罪，有能力而未全部履行', 'Former official, corruption: able and not fully paid'],
    article: ['第一条', 'Art 1'],
    rule: 'SPC-2019',
  },
  'PP-MAJOR-MERIT': {
    label: ['重大立功减刑，障碍改为需审查', 'Major meritorious service: obstacle becomes review'],
    article: ['第四条第四款', 'Art 4(4)'],
  },
  'PP-COURT-OVERDUE': {
    label: ['核实函逾期未复', 'Verification request overdue'],
    article: ['第十三条第二款', 'Art 13(2)'],
  },
  'PP-POST-ENFORCE': {
    label: ['裁定后发现有履行能力，继续执行', 'Ability found after the ruling: enforcement continues'],
    article: ['第十四条第二款', 'Art 14(2)'],
  },
  'PP-REVOKE': {
    label: ['裁定后发现隐瞒、转移财产等严重情节', 'Serious concealment found after the ruling'],
    article: ['第十四条第二款', 'Art 14(2)'],
  },
};

export const KIND: Record<string, Pair> = { COMMUTATION: ['减刑', 'Commutation'], PAROLE: ['假释', 'Parole'] };
export const BASIS: Record<string, Pair> = {
  ORDINARY: ['一般', 'Ordinary'],
  MERITORIOUS: ['立功', 'Meritorious'],
  MAJOR_MERITORIOUS: ['重大立功', 'Major meritorious'],
};
export const ABILITY: Record<string, Pair> = {
  ABLE: ['有履行能力', 'Able to pay'],
  UNABLE: ['确无履行能力', 'Unable to pay'],
  UNDETERMINED: ['履行能力待查', 'Ability undetermined'],
  NOT_APPLICABLE: ['不适用（无未履行判项）', 'Not applicable (nothing unpaid)'],
};
export const ITEM_STATE: Record<string, Pair> = {
  SATISFIED: ['已履行完毕', 'Satisfied'],
  NOT_AFFECTING: ['依法不影响', 'Not affecting'],
  UNSATISFIED: ['未履行完毕', 'Unsatisfied'],
  UNKNOWN: ['情况不明', 'Unknown'],
};
export const PROPERTY_KIND: Record<string, Pair> = {
  FINE: ['罚金', 'Fine'],
  CONFISCATION: ['没收财产', 'Confiscation'],
  RECOVERY: ['追缴', 'Recovery'],
  RESTITUTION: ['责令退赔', 'Restitution'],
  CIVIL_INCIDENTAL: ['附带民事赔偿', 'Incidental civil compensation'],
  CIVIL_SEPARATE: ['另案民事赔偿', 'Separate civil compensation'],
};
export const MATERIAL: Record<string, Pair> = {
  ENFORCEMENT_RECORD: ['执行裁定、缴付凭证等执行材料（第五条第（一）项）', 'Enforcement records (Art 5(1))'],
  ASSET_DECLARATION: ['罪犯个人财产申报表（第（二）项）', 'Asset declaration (Art 5(2))'],
  THIRD_PARTY_ASSET_STATEMENT: [
    '有关组织、单位对罪犯实际财产状况的证明（第（三）项）',
    'Third-party asset statement (Art 5(3))',
  ],
  ADVERSE_CONSEQUENCE_NOTICE: [
    '不履行财产性判项不利后果告知书（第（四）项）',
    'Notice of adverse consequences (Art 5(4))',
  ],
  CONSUMPTION_AND_BALANCE: ['罪犯在监狱的消费及账户余额情况（第（五）项）', 'Spending and account balance (Art 5(5))'],
};
/** The same materials named briefly, for a list cell. */
export const MATERIAL_SHORT: Record<string, Pair> = {
  ENFORCEMENT_RECORD: ['执行材料', 'Enforcement records'],
  ASSET_DECLARATION: ['财产申报表', 'Asset declaration'],
  THIRD_PARTY_ASSET_STATEMENT: ['财产状况证明', 'Third-party statement'],
  ADVERSE_CONSEQUENCE_NOTICE: ['不利后果告知书', 'Adverse-consequence notice'],
  CONSUMPTION_AND_BALANCE: ['消费及余额情况', 'Spending and balance'],
};
export const REMEDY: Record<string, Pair> = {
  PAY: ['缴纳', 'Pay'],
  CEASE_CONDUCT: ['停止拒不履行行为', 'Cease the conduct'],
  WAIT: ['待期满', 'Wait until'],
  SUPPLY_MATERIALS: ['补送材料', 'Supply materials'],
  SEND_STATUS: ['报送履行情况（回复核实函）', 'Send status (answer the request)'],
  COMPLETE_ASSET_SEARCH: ['完成财产查控', 'Complete the asset search'],
  RECONCILE_ITEMS: ['核对判项信息', 'Reconcile the items'],
  JUDGE: ['由审理法院依法审查决定', 'For the hearing court to decide'],
};
export const PARTY: Record<string, Pair> = {
  PRISONER: ['罪犯', 'Prisoner'],
  PRISON: ['刑罚执行机关（监狱）', 'Prison'],
  ENFORCING_COURT: ['执行法院', 'Enforcing court'],
  HEARING_COURT: ['审理法院', 'Hearing court'],
  PROCURATORATE: ['派驻检察室', 'Procuratorate'],
};
export const INSTITUTION_KIND: Record<string, Pair> = {
  ...PARTY,
  SERVICE: ['平台运维', 'Service operations'],
  PROVINCE: ['省级考核', 'Provincial assessment'],
};
export const ROLE: Record<string, Pair> = {
  JUDGE: ['法官', 'Judge'],
  CLERK: ['书记员', 'Clerk'],
  PROCURATOR: ['检察官', 'Procurator'],
  ADMINISTRATOR: ['管理员', 'Administrator'],
  OPERATOR: ['运维人员', 'Operator'],
  PROVINCIAL_ADMIN: ['省级管理员', 'Provincial administrator'],
};
export const RULING: Record<string, Pair> = {
  GRANTED: ['裁定减刑（假释）', 'Granted'],
  DENIED: ['裁定不予减刑（假释）', 'Denied'],
  NOT_FILED: ['不予立案', 'Not filed'],
  WITHDRAWN: ['撤回', 'Withdrawn'],
};
export const REQUEST_REASON: Record<string, Pair> = {
  STATUS_MISSING: ['缺少履行情况', 'Status missing'],
  STATUS_STALE: ['履行情况未更新', 'Status stale'],
  MATERIALS_MISSING: ['缺少执行材料', 'Materials missing'],
};
export const SCHEMA: Record<string, Pair> = {
  'linkage.enforcement-status.v1': ['执行法院报送履行情况', 'enforcement status from the court'],
  'linkage.reduction-dossier.v1': ['监狱报送提请材料', 'dossier from the prison'],
  'linkage.ruling.v1': ['审理法院作出裁定', 'ruling from the hearing court'],
};
