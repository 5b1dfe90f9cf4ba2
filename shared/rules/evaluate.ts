// The decision engine: one application's facts, a policy and "now" in; the fulfilment flag
// out, with what would change it (contract v1.1): the decision at now (decide.ts, where each
// rule lives), the earliest day it could be CLEAR (earliest-clear.ts) and the next instant
// it changes by time alone (next-change.ts). Pure: no I/O, no clock, no randomness.
import type { Policy } from '../contract/policy.ts';
import { decideAt, type Evaluation } from './decide.ts';
import { earliestClearOn } from './earliest-clear.ts';
import type { CaseFacts } from './facts.ts';
import { nextChangeAt } from './next-change.ts';

export type { Evaluation } from './decide.ts';

export function evaluate(facts: CaseFacts, policy: Policy, now: string): Evaluation {
  const current = decideAt(facts, policy, now);
  return {
    ...current,
    flag: {
      ...current.flag,
      earliestClearOn: earliestClearOn(facts, policy, now, current),
      nextChangeAt: nextChangeAt(facts, policy, now, current),
    },
  };
}
