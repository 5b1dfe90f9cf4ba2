// The contract's own examples are valid, and the example case gives the example flag.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fulfilmentFlagMessage } from '../../../shared/contract/messages.ts';
import { anyMessage } from '../../../shared/contract/messages.ts';
import { validate } from '../../../shared/contract/problems.ts';
import { evaluateCaseText } from '../../../shared/rules/evaluate-case.ts';

const folder = new URL('../../../../shared/contract/examples/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, folder), 'utf8');
const messageFiles = readdirSync(folder).filter((name) => name.endsWith('.json') && name !== 'case.json');

describe('contract examples', () => {
  it.each(messageFiles)('%s is a valid v1 message', (name) => {
    const result = validate(anyMessage, JSON.parse(read(name)));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('case.json evaluates to the example flag', () => {
    const result = evaluateCaseText(read('case.json'));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const expected = JSON.parse(read('fulfilment-flag.json')).body;
    const { flag } = result.value;
    expect(flag.decision).toBe(expected.decision);
    expect(flag.ability).toBe(expected.ability);
    expect(flag.reasons.map((r) => [r.code, r.basis, r.items])).toEqual(
      expected.reasons.map((r: { code: string; basis: string; items: string[] }) => [r.code, r.basis, r.items]),
    );
    expect(flag.items).toEqual(expected.items);
    expect(flag.outstandingFen).toBe(expected.outstandingFen);
    expect(flag.missingMaterials).toEqual(expected.missingMaterials);
    expect(flag.policy).toEqual(expected.policy);
    expect(flag.inputs).toEqual(expected.inputs);
    expect(flag.evaluatedAt).toBe(expected.evaluatedAt);
  });

  it('case.json gives the v1.1 example flag: remedies, earliestClearOn and nextChangeAt', () => {
    const example = JSON.parse(read('v1.1/fulfilment-flag.json'));
    const valid = validate(fulfilmentFlagMessage, example);
    expect(valid.ok ? [] : valid.problems).toEqual([]);
    const result = evaluateCaseText(read('case.json'));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { flag } = result.value;
    const expected = example.body;
    expect(flag.remedies).toEqual(expected.remedies);
    expect(flag.earliestClearOn).toBe(expected.earliestClearOn);
    expect(flag.nextChangeAt).toBe(expected.nextChangeAt);
    // Everything the v1 example pins holds for the v1.1 one too.
    expect(flag.decision).toBe(expected.decision);
    expect(flag.items).toEqual(expected.items);
    expect(flag.inputs).toEqual(expected.inputs);
  });
});
