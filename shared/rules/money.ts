// Amounts for people: fen (integers) shown as yuan with two decimals, e.g. "40,000.00 yuan".

export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${yuan}.${cents} yuan`;
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** An amount for a person who may need either unit: "40,000.00 yuan (4,000,000 fen)". */
export function formatYuanAndFen(fen: number): string {
  return `${formatYuan(fen)} (${fen.toLocaleString('en-US')} fen)`;
}
