// The fixed frame of one evaluation: the facts, the policy and "now", read once.
import type { Policy } from '../contract/policy.ts';
import { localDate, parseInstant } from '../time/calendar.ts';
import type { CaseFacts } from './facts.ts';

export interface EvaluationContext {
  readonly facts: CaseFacts;
  readonly policy: Policy;
  /** The evaluation instant as given. */
  readonly now: string;
  readonly nowMs: number;
  /** The calendar day of `now` in the dossier's offset: all day arithmetic uses it. */
  readonly today: string;
  /** The dossier's offset in minutes east of UTC: every day is counted in it. */
  readonly offsetMinutes: number;
  /** The calendar day of any instant, seen from the dossier's offset. */
  readonly dayOf: (instant: string) => string;
}

export function createContext(facts: CaseFacts, policy: Policy, now: string): EvaluationContext {
  const nowMs = parseInstant(now).epochMs;
  const { offsetMinutes } = parseInstant(facts.dossier.submittedAt);
  const dayOf = (instant: string) => localDate(parseInstant(instant).epochMs, offsetMinutes);
  return { facts, policy, now, nowMs, today: localDate(nowMs, offsetMinutes), offsetMinutes, dayOf };
}
