// A rule that fired, before the engine orders the findings and sets their outcome.
import type { ReasonCode } from '../contract/reason-codes.ts';

export interface Finding {
  readonly code: ReasonCode;
  /** One sentence a court clerk can read; amounts in yuan. */
  readonly detail: string;
  /** Item keys `<judgmentId>#<itemNo>` the finding is about, when it is about some. */
  readonly items?: readonly string[];
}

export function finding(code: ReasonCode, detail: string, items?: readonly string[]): Finding {
  return items && items.length > 0 ? { code, detail, items: [...items] } : { code, detail };
}

/** Lists things in a sentence: "a", "a and b", "a, b and c". */
export function listing(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** Item keys in words, by judgment: "items 1 and 2 of judgment (2019)闽0802刑初123号". */
export function describeItems(keys: readonly string[]): string {
  const byJudgment = new Map<string, number[]>();
  for (const key of keys) {
    const cut = key.lastIndexOf('#');
    const judgmentId = key.slice(0, cut);
    const itemNos = byJudgment.get(judgmentId);
    if (itemNos) itemNos.push(Number(key.slice(cut + 1)));
    else byJudgment.set(judgmentId, [Number(key.slice(cut + 1))]);
  }
  return listing(
    [...byJudgment].map(([judgmentId, itemNos]) => {
      const sorted = [...itemNos].sort((a, b) => a - b).map(String);
      return `${sorted.length === 1 ? 'item' : 'items'} ${listing(sorted)} of judgment ${judgmentId}`;
    }),
  );
}
