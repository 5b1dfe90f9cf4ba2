// What makes two flags "the same decision on the same inputs": the body without the
// evaluation instant and the revision number, in a canonical (key-sorted) JSON form.
import type { FulfilmentFlag } from '../../contract/fulfilment-flag.ts';
import { sha256Hex } from '../../queues/hashing.ts';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function fingerprintOf(flag: FulfilmentFlag): string {
  const { evaluatedAt: _evaluatedAt, revision: _revision, ...decided } = flag;
  return sha256Hex(canonical(decided));
}
