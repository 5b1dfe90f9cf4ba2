// The contract's error texts (English, as integrators see them in rejections) in Chinese for the
// forms. The schema is the same one the ingest uses; only the wording shown to people differs.
const RULES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^must not be empty/, () => '不能为空'],
  [/^must be at most (\d+) characters/, (m) => `最多 ${m[1]} 个字符`],
  [/^must not contain control/, () => '不能包含控制字符或方向控制字符'],
  [/^must not start or end with white space/, () => '首尾不能有空格'],
  [/^must be a string/, () => '必须填写'],
  [/^must be a positive whole number of fen/, () => '金额必须大于零'],
  [/^must be a whole number of fen, zero or more/, () => '金额不能为负数'],
  [/^must be a whole number of fen/, () => '金额必须是整数分（最多两位小数的元）'],
  [/^must be 1 or more/, () => '必须是大于等于 1 的整数'],
  [/^must be a whole number/, () => '必须是整数'],
  [/^must be a date written YYYY-MM-DD/, () => '请填写日期（年-月-日）'],
  [/^(\S+) is not a real calendar date/, (m) => `${m[1]} 不是有效日期`],
  [/^must be an institution code/, () => '请选择机构'],
  [/^must be an 18-character resident identity number/, () => '应为 18 位居民身份证号码：17 位数字加 1 位数字或 X'],
  [/^birth date (\d+) is not a real date/, (m) => `出生日期 ${m[1]} 无效`],
  [/^check digit is (\S+), not (\S+)/, (m) => `校验码应为 ${m[1]}，不是 ${m[2]}`],
  [/^must list at least one judgment/, () => '至少填写一份判决'],
  [/^must hold 1 to 24 months/, () => '请填写 1 至 24 个月的消费金额（由远及近）'],
  [/^is required when offenceCategory is/, () => '该罪名类别须填写是否积极退赃'],
  [/^judgment (.+) appears twice/, (m) => `判决 ${m[1]} 重复`],
  [/^item (\d+) appears twice/, (m) => `判项 ${m[1]} 重复`],
  [/^receipt number (.+) appears twice/, (m) => `票据号 ${m[1]} 重复`],
  [/^may be null only for confiscation/, () => '仅“没收全部财产”可不填金额'],
  [/^payments plus escrow \((\d+) fen\) exceed dueFen \((\d+) fen\)/, () => '已缴及提存金额超过应履行金额'],
  [/^applies only to CONFISCATION/, () => '仅适用于没收财产'],
  [/^applies only to FINE/, () => '仅适用于罚金'],
  [/^applies only to CIVIL/, () => '仅适用于民事赔偿'],
  [/^must not be before foundOn/, () => '不能早于发现日期'],
  [/^is not a v1 field/, () => '不是合同 v1 的字段'],
  [/^"(.*)" is not a whole number/, (m) => `“${m[1]}”不是整数`],
  [/^"(.*)" is not true or false/, (m) => `“${m[1]}”应为 true 或 false`],
  [/^Invalid option/, () => '请选择一项'],
  [/^Invalid input: expected boolean/, () => '请选择是或否'],
  [/^Invalid input/, () => '必须填写'],
  [
    /(\S+) is not (a|an) (hearing|enforcing) court in the institutions registry/,
    (m) => `${m[1]} 不是登记的${m[3] === 'hearing' ? '审理法院' : '执行法院'}`,
  ],
];

export function zhMessage(message: string): string {
  for (const [pattern, render] of RULES) {
    const match = pattern.exec(message);
    if (match) return render(match);
  }
  return `填写有误：${message}`;
}
