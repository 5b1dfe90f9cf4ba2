// Amounts for people: fen (integers) shown as yuan with two decimals, e.g. "40,000.00 yuan".

export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${grouped(Math.floor(abs / 100))}.${cents} yuan`;
}

/** 1234567 → "1,234,567". By hand: toLocaleString goes through ICU and costs the engine a third of its speed. */
function grouped(whole: number): string {
  const digits = String(whole);
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) {
    out = end - 3 > 0 ? `,${digits.slice(end - 3, end)}${out}` : `${digits.slice(0, end)}${out}`;
  }
  return out;
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** An amount for a person who may need either unit: "40,000.00 yuan (4,000,000 fen)". */
export function formatYuanAndFen(fen: number): string {
  return `${formatYuan(fen)} (${fen < 0 ? '-' : ''}${grouped(Math.abs(fen))} fen)`;
}
