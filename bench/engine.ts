// Engine throughput beside the cost of only parsing and validating the same messages.
// The corpus comes from the property-test generator: every outcome, every reason code.
import fc from 'fast-check';
import { anyMessage } from '../shared/contract/messages.ts';
import { parseCaseFile } from '../shared/contract/case-file.ts';
import { evaluate } from '../shared/rules/evaluate.ts';
import { factsFromMessages, type CaseFacts } from '../shared/rules/facts.ts';
import { DEFAULT_POLICY } from '../shared/rules/policy.ts';
import { caseArbitrary } from '../generators/arbitraries.ts';
import { interleaved } from './measure.ts';

export interface EngineResult {
  readonly cases: number;
  readonly messages: number;
  readonly evaluationsPerSecond: number;
  readonly validationsPerSecond: number;
  /** Evaluations per second ÷ cases validated per second: ≥ 1 means no slower than validation. */
  readonly ratio: number;
  readonly decisions: Record<string, number>;
  readonly reasonCodes: number;
}

export function benchEngine(caseCount: number, seed: number, rounds: number): EngineResult {
  const corpus = fc.sample(caseArbitrary, { numRuns: caseCount, seed });
  const texts = corpus.map((c) => c.messages.map((m) => JSON.stringify(m)));
  const prepared: { facts: CaseFacts; now: string }[] = corpus.map((c) => {
    const parsed = parseCaseFile(c);
    if (!parsed.ok) throw new Error(`corpus case is invalid: ${JSON.stringify(parsed.problems)}`);
    const facts = factsFromMessages(parsed.value.messages);
    if (typeof facts === 'string') throw new Error(facts);
    return { facts, now: c.now };
  });

  const decisions: Record<string, number> = {};
  const codes = new Set<string>();
  for (const { facts, now } of prepared) {
    const { flag } = evaluate(facts, DEFAULT_POLICY, now);
    decisions[flag.decision] = (decisions[flag.decision] ?? 0) + 1;
    for (const r of flag.reasons) codes.add(r.code);
  }

  let sink = 0;
  const rates = interleaved(
    {
      evaluate: () => {
        for (const { facts, now } of prepared) sink += evaluate(facts, DEFAULT_POLICY, now).flag.reasons.length;
        return prepared.length;
      },
      validate: () => {
        for (const messages of texts) {
          for (const text of messages) sink += anyMessage.safeParse(JSON.parse(text)).success ? 1 : 0;
        }
        return texts.length;
      },
    },
    rounds,
  );
  if (sink < 0) console.log(sink); // keeps the work observable to the optimiser
  const evaluationsPerSecond = rates.evaluate!.perSecond;
  const validationsPerSecond = rates.validate!.perSecond;
  return {
    cases: corpus.length,
    messages: texts.reduce((n, m) => n + m.length, 0),
    evaluationsPerSecond,
    validationsPerSecond,
    ratio: evaluationsPerSecond / validationsPerSecond,
    decisions,
    reasonCodes: codes.size,
  };
}
