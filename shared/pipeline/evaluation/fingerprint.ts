// What makes two flags "the same decision on the same inputs": the body without the fields
// that only describe time (the engine's PROJECTION_FIELDS: evaluation instant, revision,
// earliestClearOn, nextChangeAt), in a canonical (key-sorted) JSON form. So a revision goes
// out when the flag changed, never because a day passed.
import type { FulfilmentFlag } from '../../contract/fulfilment-flag.ts';
import { sha256Hex } from '../../ids/hashing.ts';
import { PROJECTION_FIELDS } from '../../rules/next-change.ts';

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
  const decided: Record<string, unknown> = { ...flag };
  for (const field of PROJECTION_FIELDS) delete decided[field];
  return sha256Hex(canonical(decided));
}
