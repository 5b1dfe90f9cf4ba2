// The identity number checked as it is typed: how many characters are missing, then (at 18)
// the birth date and the GB 11643 check digit, with the contract's own check.
import { personIdProblem } from '../../../shared/contract/primitives.ts';
import { zhMessage } from './messages-zh.ts';

type Pick = (pair: readonly [string, string]) => string;

export async function checkPersonId(value: string | undefined, pick: Pick): Promise<void> {
  const text = (value ?? '').trim().toUpperCase();
  if (text === '') throw new Error(pick(['请填写居民身份证号码', 'Enter the identity number']));
  if (!/^\d{0,17}[\dX]?$/.test(text))
    throw new Error(pick(['只能包含数字，最后一位可为 X', 'Digits only; the last may be X']));
  if (text.length < 18) throw new Error(pick([`还差 ${18 - text.length} 位`, `${18 - text.length} more characters`]));
  const problem = personIdProblem(text);
  if (problem) throw new Error(pick([zhMessage(problem), problem]));
}
