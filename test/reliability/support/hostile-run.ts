// The hostile-input part as a function, for the suite (hostile-input.test.ts) and for the
// sabotage test that proves its `crashes` figure can be non-zero: hostile texts go through
// the real ingest path (the inbound queue of the institution a text claims to come from, or
// of a random one) after a dossier and a status are stored; each must come back to that
// queue's owner as a rejection naming a problem the contract finds, its raw text kept in
// quarantine; no handler may fail or time out, and no table but quarantine may change.
import { inboundMessage } from '../../../shared/contract/messages.ts';
import { parseMessageText } from '../../../shared/contract/problems.ts';
import { isSender } from '../../../shared/resources/registry.ts';
import { REGISTRY } from '../../../local/registry.ts';
import { dossier, status } from '../../../generators/case.ts';
import type { HostileInput } from '../../builders/hostile.ts';
import { quarantinedText, quarantineItems } from './quarantine.ts';
import type { Random } from './random.ts';
import type { ReliabilityService } from './service.ts';
import { differences, snapshot } from './snapshot.ts';

const SENDERS = REGISTRY.institutions.filter(isSender).map((inst) => inst.id);
const UNCHANGED = ['cases', 'decisions', 'access', 'idempotency'] as const;

/** The claimed sender's queue when it is a registered sender (the realistic case), else any. */
function ownerOf(text: string, random: Random): string {
  try {
    const id = (JSON.parse(text) as { sender?: { id?: unknown } } | null)?.sender?.id;
    if (typeof id === 'string' && SENDERS.includes(id)) return id;
  } catch {
    // Not JSON: it can arrive on anyone's queue.
  }
  return random.pick(SENDERS);
}

export async function hostileRun(
  svc: ReliabilityService,
  inputs: readonly HostileInput[],
  random: Random,
  settleMs: number,
) {
  await svc.seedBaseline(JSON.stringify(dossier()), JSON.stringify(status()));
  const before = await snapshot(svc, UNCHANGED);
  const invocationsBefore = svc.invocations.length;

  const all = inputs.map((input) => ({ ...input, institutionId: ownerOf(input.text, random) }));
  // SQS itself refuses some texts (an empty body): they never reach the service.
  const refused = await svc.sendAll(all);
  const sends = all.filter((s) => !refused.includes(s));
  await svc.settle(settleMs);

  const after = await snapshot(svc, UNCHANGED);
  const quarantine = quarantineItems(await svc.scan('quarantine'));
  const expected = new Map<string, number>(); // owner + text → sends
  for (const s of sends)
    expected.set(`${s.institutionId}\u0000${s.text}`, (expected.get(`${s.institutionId}\u0000${s.text}`) ?? 0) + 1);
  const problems: string[] = [];
  let answered = 0;
  let unnamed = 0;
  let otherMessages = 0;
  const pure = new Map<string, Set<string>>();
  for (const id of REGISTRY.institutions.map((i) => i.id)) {
    for (const { message } of await svc.drain(id)) {
      if (message.schema !== 'linkage.rejection.v1') {
        otherMessages += 1;
        problems.push(`${id} was sent a ${message.schema}`);
        continue;
      }
      const text = quarantinedText(quarantine, message.body.quarantineRef);
      const key = `${id}\u0000${text}`;
      const left = text === undefined ? 0 : (expected.get(key) ?? 0);
      if (left === 0) {
        problems.push(`${id} got a rejection matching no hostile text sent to it (${message.body.quarantineRef})`);
        continue;
      }
      expected.set(key, left - 1);
      answered += 1;
      if (!pure.has(text!)) {
        const parsed = parseMessageText(inboundMessage, text!);
        pure.set(text!, new Set(parsed.ok ? [] : parsed.problems.map((p) => p.path)));
      }
      const named =
        message.body.errors.length > 0 &&
        message.body.errors.every((e) => e.message.length > 0) &&
        message.body.errors.some((e) => pure.get(text!)!.has(e.path) || e.path.startsWith('sender.'));
      if (!named) {
        unnamed += 1;
        problems.push(
          `rejection ${message.body.quarantineRef} names ${message.body.errors.map((e) => e.path || '(document)').join(', ')}; the contract finds ${[...pure.get(text!)!].join(', ')}`,
        );
      }
    }
  }
  const unanswered = [...expected.values()].reduce((sum, n) => sum + n, 0);
  const hostileInvocations = svc.invocations.slice(invocationsBefore);
  const failedRecords = hostileInvocations.reduce((sum, i) => sum + i.failed, 0);
  const invocationErrors = hostileInvocations.filter((i) => i.error !== undefined);
  const slowest = Math.max(0, ...hostileInvocations.map((i) => i.durationMs));
  const deadLetters = await svc.deadLetters();
  const changed = differences(before, after);

  const crashes =
    unanswered +
    unnamed +
    otherMessages +
    failedRecords +
    invocationErrors.length +
    deadLetters.length +
    changed.length;
  return {
    sends,
    refused,
    answered,
    unanswered,
    unnamed,
    otherMessages,
    problems,
    hostileInvocations,
    failedRecords,
    invocationErrors,
    slowest,
    deadLetters,
    changed,
    crashes,
  };
}
