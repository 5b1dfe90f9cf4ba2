// Pure evaluation of a case file (`linkage evaluate`): parse, gather the facts, decide.
import { parseCaseFile } from '../contract/case-file.ts';
import { decodeJson, type ParseResult } from '../contract/problems.ts';
import { evaluate, type Evaluation } from './evaluate.ts';
import { factsFromMessages } from './facts.ts';
import { DEFAULT_POLICY, withOverrides } from './policy.ts';

export function evaluateCaseValue(value: unknown): ParseResult<Evaluation> {
  const parsed = parseCaseFile(value);
  if (!parsed.ok) return parsed;
  const facts = factsFromMessages(parsed.value.messages);
  if (typeof facts === 'string') return { ok: false, problems: [{ path: 'messages', message: facts }] };
  const policy = withOverrides(DEFAULT_POLICY, parsed.value.policy);
  return { ok: true, value: evaluate(facts, policy, parsed.value.now) };
}

/** Case files are not messages: the 256 KiB message limit does not apply to them. */
export function evaluateCaseText(text: string): ParseResult<Evaluation> {
  const decoded = decodeJson(text, Number.POSITIVE_INFINITY);
  return decoded.ok ? evaluateCaseValue(decoded.value) : decoded;
}
