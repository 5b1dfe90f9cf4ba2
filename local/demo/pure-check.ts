// Does a flag the service sent equal what the pure engine (`linkage evaluate`) gives on the
// same facts? The facts are rebuilt from the messages sent, limited to what the flag says it
// rests on (its inputs and ruling), and the service's own requests before it; revision and
// evaluatedAt aside, the bodies must be identical.
import { isDeepStrictEqual } from 'node:util';
import type { FulfilmentFlag } from '../../shared/contract/fulfilment-flag.ts';
import type { AnyMessage, VerificationRequestMessage } from '../../shared/contract/messages.ts';
import { itemKey } from '../../shared/contract/primitives.ts';
import { evaluateCaseValue } from '../../shared/rules/evaluate-case.ts';
import { epochMs } from '../../shared/time/calendar.ts';

export function caseFileFor(
  flag: FulfilmentFlag,
  sent: readonly AnyMessage[],
  requests: readonly VerificationRequestMessage[],
): { now: string; messages: AnyMessage[] } {
  const { applicationId, inputs } = flag;
  const messages = sent.filter((m) => {
    switch (m.schema) {
      case 'linkage.reduction-dossier.v1':
        return m.body.applicationId === applicationId && m.body.version <= inputs.dossierVersion;
      case 'linkage.enforcement-status.v1': {
        const used = inputs.statuses[itemKey(m.body.judgmentId, m.body.itemNo)];
        return used !== undefined && m.body.version <= used;
      }
      case 'linkage.ruling.v1':
        return (
          flag.ruling !== undefined && m.body.applicationId === applicationId && m.body.ruledOn <= flag.ruling.ruledOn
        );
      default:
        return false;
    }
  });
  const asked = requests.filter(
    (r) => r.body.applicationId === applicationId && epochMs(r.body.requestedAt) <= epochMs(flag.evaluatedAt),
  );
  return { now: flag.evaluatedAt, messages: [...messages, ...asked] };
}

/** undefined when the flag matches the pure engine; otherwise what differs. */
export function pureMismatch(
  flag: FulfilmentFlag,
  sent: readonly AnyMessage[],
  requests: readonly VerificationRequestMessage[],
): string | undefined {
  const result = evaluateCaseValue(caseFileFor(flag, sent, requests));
  if (!result.ok)
    return `the facts do not make a valid case: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`;
  const expected = result.value.flag;
  const actual = { ...flag, revision: expected.revision };
  if (isDeepStrictEqual(actual, expected)) return undefined;
  const keys = [...new Set([...Object.keys(actual), ...Object.keys(expected)])] as (keyof FulfilmentFlag)[];
  const differing = keys.filter((k) => !isDeepStrictEqual(actual[k], expected[k]));
  return differing
    .map((k) => `${k}: service ${JSON.stringify(actual[k])} / pure ${JSON.stringify(expected[k])}`)
    .join('\n    ');
}
