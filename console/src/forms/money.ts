// Money as people type it (yuan, at most two decimals) and as the contract carries it (integer
// fen). String arithmetic only: 0.1 + 0.2 must never reach a payment.
const YUAN = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/** Fen from "1234.5" (123450), or undefined when the text is not a yuan amount. */
export function yuanToFen(text: string): number | undefined {
  const match = YUAN.exec(text.trim().replaceAll(',', ''));
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** "1234.50" from 123450; anything not a whole number of fen as it is (a refused body, to correct). */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) return fen === undefined || fen === null ? '' : String(fen);
  const whole = Math.trunc(fen / 100);
  return `${whole}.${String(fen % 100).padStart(2, '0')}`;
}

export const YUAN_PROBLEM = '请输入金额（元），最多两位小数，如 1234.50';
