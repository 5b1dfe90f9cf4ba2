// earliestClearOn (contract v1.1 point 13): the first day, from today on, on which the engine
// itself decides CLEAR on the "what if" facts. Only today and the end of the cool-off those
// facts start can qualify; the engine is run on each, so the date is never a second opinion.
import type { Policy } from '../contract/policy.ts';
import { formatInstant, startOfDay } from '../time/calendar.ts';
import { createContext } from './context.ts';
import { coolOffAnchor } from './cooloff.ts';
import { decideAt, type Evaluation } from './decide.ts';
import type { CaseFacts } from './facts.ts';
import { hypotheticalFacts } from './hypothetical.ts';
import { assessItems } from './items.ts';

/** Reasons the what-if facts keep as they are: nothing anyone does today removes them. */
const LASTING = new Set(['PP-TEMPORAL', 'PP-ITEMS-MISMATCH']);
const WHAT_IF = { remedies: false } as const;

export function earliestClearOn(facts: CaseFacts, policy: Policy, now: string, current: Evaluation): string | null {
  // After a ruling the question is settled: a grant is not re-decided, a closed case is over.
  if (current.flag.ruling !== undefined) return null;
  const ctx = createContext(facts, policy, now);
  // Shortcuts the property tests hold against the full run: doing more keeps a CLEAR clear
  // (every payment and cessation only helps), and a lasting reason stays in the what-if.
  if (current.flag.decision === 'CLEAR') return ctx.today;
  if (current.flag.reasons.some((r) => LASTING.has(r.code))) return null;
  const today = hypotheticalFacts(facts, policy, now, now);
  if (decideAt(today, policy, now, WHAT_IF).flag.decision === 'CLEAR') return ctx.today;

  const hypothetical = createContext(today, policy, now);
  const { items, conduct } = assessItems(hypothetical);
  const endsOn = coolOffAnchor(hypothetical, items, conduct)?.endsOn;
  if (endsOn === undefined || endsOn <= ctx.today) return null;
  const then = formatInstant(startOfDay(endsOn, ctx.offsetMinutes), ctx.offsetMinutes);
  const onThatDay = hypotheticalFacts(facts, policy, now, then);
  return decideAt(onThatDay, policy, then, WHAT_IF).flag.decision === 'CLEAR' ? endsOn : null;
}
