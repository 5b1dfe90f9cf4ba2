// Fuzzing the contract parser with hostile text: nothing crashes, nothing hangs, nothing
// invalid gets through, and every rejection names a problem.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inboundMessage } from '../../../shared/contract/messages.ts';
import { parseMessageText } from '../../../shared/contract/problems.ts';
import { hostileInput } from '../../builders/hostile.ts';

describe('hostile message text', () => {
  it('is always rejected with named problems, quickly', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(hostileInput, ({ kind, text }) => {
        seen.add(kind);
        const started = performance.now();
        const result = parseMessageText(inboundMessage, text);
        expect(performance.now() - started).toBeLessThan(1_000);
        expect(result.ok, `${kind} was accepted: ${text.slice(0, 200)}`).toBe(false);
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const p of result.problems) expect(p.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1_000 },
    );
    expect(seen.size).toBe(14);
    // Each input is bounded above; the thousand together get room on a loaded machine.
  }, 30_000);

  it('never lets __proto__ reach an object prototype', () => {
    const result = parseMessageText(inboundMessage, '{"__proto__":{"admin":true}}');
    expect(result.ok).toBe(false);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});
