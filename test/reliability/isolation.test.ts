// Part 3 of the reliability suite: isolation between institutions.
//   - Through the real ingest path: a prison sending as another prison, as a court, as the
//     hearing court or as a procuratorate; a court sending as another court or as the
//     service; a message whose sender.kind is not its queue owner's. Every one is rejected to
//     the owner of the queue it came on (never to the institution it claims to be), counted
//     as SpoofRejected, and changes nothing.
//   - In the synthesized templates: no institution's account can read another's outbound
//     queue (queue policies, key policies, IAM policies, role trust), while each can read its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../shared/contract/messages.ts';
import { metrics, METRIC } from '../../shared/powertools/metrics.ts';
import { outboundQueue } from '../../shared/resources/queues.ts';
import { isSender, SENDING_KINDS, type Institution } from '../../shared/resources/registry.ts';
import { REGISTRY } from '../../local/registry.ts';
import { dossier, PERSON_ID, ruling, status } from '../builders/case.ts';
import { STAGE, synthesize } from '../infra/synth.ts';
import { recordFigures } from './support/figures.ts';
import { LogCapture } from './support/log-capture.ts';
import { quarantineItems } from './support/quarantine.ts';
import { Random } from './support/random.ts';
import { ReliabilityService } from './support/service.ts';
import { reliabilitySettings, scaled } from './support/settings.ts';
import { differences, snapshot } from './support/snapshot.ts';
import { outboundAccess } from './support/template-access.ts';

const settings = reliabilitySettings();
const random = new Random(settings.seed).fork('isolation');
const UNCHANGED = ['cases', 'decisions', 'access', 'idempotency'] as const;
const SERVICE_SENDER = { kind: 'SERVICE', id: REGISTRY.service.id } as const;

interface Spoof {
  /** Whose inbound queue it arrives on: the only account that can write there. */
  readonly owner: string;
  readonly claimed: { readonly kind: string; readonly id: string };
  readonly scenario: string;
  readonly message: InboundMessage;
}

/** A valid message of the schema `kind` sends, about the baseline prisoner, with a new messageId. */
function messageOf(kind: keyof typeof SENDING_KINDS, n: number): InboundMessage {
  if (kind === 'PRISON') return dossier({ version: 100 + n, thirdPartyAssetStatement: null });
  if (kind === 'ENFORCING_COURT')
    return status({
      version: 100 + n,
      payments: [{ receiptNo: `SP-${n}`, amountFen: 5_000_000, payer: 'SELF', paidOn: '2026-11-01' }],
    });
  return ruling({ outcome: 'GRANTED', rulingRef: `(2026)闽08刑更SP${n}号` });
}

function spoofs(count: number): Spoof[] {
  const senders = REGISTRY.institutions.filter(isSender);
  const out: Spoof[] = [];
  for (let n = 0; n < count; n += 1) {
    const owner = random.pick(senders);
    const pretend = random.pick([...REGISTRY.institutions.filter((i) => i.id !== owner.id), owner, 'service'] as const);
    let claimed: { kind: string; id: string };
    let scenario: string;
    let kindOfMessage: keyof typeof SENDING_KINDS;
    if (pretend === 'service') {
      claimed = SERVICE_SENDER;
      scenario = `${owner.kind} as the service`;
      kindOfMessage = owner.kind;
    } else if ((pretend as Institution).id === owner.id) {
      // Its own id under another kind.
      const kinds = (['PRISON', 'ENFORCING_COURT', 'HEARING_COURT'] as const).filter((k) => k !== owner.kind);
      const kind = random.pick(kinds);
      claimed = { kind, id: owner.id };
      scenario = `${owner.kind} under the kind ${kind}`;
      kindOfMessage = kind;
    } else {
      const other = pretend as Institution;
      claimed = { kind: other.kind, id: other.id };
      scenario = `${owner.kind} as ${other.kind === owner.kind ? 'another ' : ''}${other.kind}`;
      kindOfMessage = isSender(other) ? other.kind : owner.kind;
    }
    const base = messageOf(kindOfMessage, n);
    out.push({
      owner: owner.id,
      claimed,
      scenario,
      message: { ...base, messageId: `${claimed.id}:spoof:${n}`, sender: claimed } as InboundMessage,
    });
  }
  return out;
}

let capture: LogCapture;
let service: ReliabilityService | undefined;
let spoofCounted = 0;

beforeAll(async () => {
  // Count SpoofRejected as the handlers record it (metrics are not published locally).
  const addMetric = metrics.addMetric.bind(metrics);
  metrics.addMetric = ((name: string, ...rest: unknown[]) => {
    if (name === METRIC.spoofRejected) spoofCounted += Number(rest[1] ?? 1);
    return (addMetric as (...args: unknown[]) => void)(name, ...rest);
  }) as typeof metrics.addMetric;
  capture = new LogCapture({ personIds: [PERSON_ID], names: [dossier().body.prisoner.name] });
  capture.start();
  service = await ReliabilityService.start({ logLevel: settings.logLevel });
});

afterAll(async () => {
  capture?.stop();
  await service?.stop();
});

describe('isolation between institutions', () => {
  it(
    'rejects every message sent as someone else, to the queue owner, counts it, and changes nothing',
    async () => {
      const started = Date.now();
      const svc = service!;
      await svc.seedBaseline(JSON.stringify(dossier()), JSON.stringify(status()));
      const before = await snapshot(svc, UNCHANGED);
      spoofCounted = 0;

      const sent = spoofs(scaled(300));
      await svc.sendAll(sent.map((s) => ({ institutionId: s.owner, text: JSON.stringify(s.message) })));
      await svc.settle(scaled(300_000));

      const received = new Map(
        await Promise.all(REGISTRY.institutions.map(async (i) => [i.id, await svc.drain(i.id)] as const)),
      );
      const quarantine = quarantineItems(await svc.scan('quarantine'));
      const problems: string[] = [];
      let rejected = 0;
      for (const spoof of sent) {
        const rejection = received
          .get(spoof.owner)!
          .find(
            (r) =>
              r.message.schema === 'linkage.rejection.v1' &&
              r.message.body.rejectedMessageId === spoof.message.messageId,
          );
        const body = rejection?.message.schema === 'linkage.rejection.v1' ? rejection.message.body : undefined;
        const namesSender = body?.errors.some((e) => e.path === 'sender.id' || e.path === 'sender.kind') ?? false;
        const reason = body ? quarantine.get(body.quarantineRef)?.reason : undefined;
        if (namesSender && reason === 'sender-mismatch') rejected += 1;
        else
          problems.push(
            `${spoof.scenario} (${spoof.message.messageId}) on ${spoof.owner}'s queue: ${body ? `rejected for ${String(reason)}` : 'no rejection'}`,
          );
      }
      for (const [id, messages] of received) {
        const strays = messages.filter(
          (r) => r.message.schema !== 'linkage.rejection.v1' || !sent.some((s) => s.owner === id),
        );
        for (const stray of strays) problems.push(`${id} was sent ${stray.message.schema} ${stray.message.messageId}`);
      }
      const changed = differences(before, await snapshot(svc, UNCHANGED));
      const failures = svc.invocations.filter((i) => i.failed > 0 || i.error !== undefined).length;
      capture.stop();

      const scenarios = new Map<string, number>();
      for (const s of sent) scenarios.set(s.scenario, (scenarios.get(s.scenario) ?? 0) + 1);
      const seconds = (Date.now() - started) / 1000;
      recordFigures(
        'isolation-spoofs',
        {
          spoofsRejected: changed.length === 0 && spoofCounted === sent.length ? rejected : 0,
          spoofsSent: sent.length,
        },
        [
          `seed ${settings.seed}: ${sent.length} spoofed messages (${[...scenarios].map(([k, n]) => `${k} ${n}`).join(', ')}) in ${seconds.toFixed(0)} s`,
          `${rejected} rejected to the queue owner naming the sender; SpoofRejected counted ${spoofCounted}; tables changed: ${changed.length === 0 ? 'none' : changed.join('; ')}; ${failures} failed invocations`,
          `logs at ${settings.logLevel}: ${capture.describe()}`,
          ...problems.slice(0, 10).map((p) => `PROBLEM ${p}`),
        ],
        seconds,
      );

      expect(problems).toEqual([]);
      expect(rejected).toBe(sent.length);
      expect(spoofCounted).toBe(sent.length);
      expect(changed).toEqual([]);
      expect(failures).toBe(0);
      expect(capture.leaks).toEqual([]);
    },
    scaled(600_000),
  );

  it("makes reading another institution's outbound queue impossible in the synthesized templates", () => {
    const s = synthesize();
    const institutions = s.registry.institutions;
    const queueOf = (inst: Institution) => outboundQueue(STAGE, inst.id).name;
    const access = outboundAccess(s, institutions.map(queueOf));
    const problems: string[] = [];
    let pairs = 0;
    for (const owner of institutions) {
      const { receivers, decrypters } = access.outbound.get(queueOf(owner))!;
      // The positive control: the owner can read its own queue, so the checks below can see a grant.
      if (!receivers.has(owner.accountId) || !decrypters.has(owner.accountId))
        problems.push(`${owner.id} cannot read its own outbound queue`);
      if (receivers.has('*') || decrypters.has('*')) problems.push(`${queueOf(owner)} is open to any account`);
      for (const reader of institutions.filter((i) => i.id !== owner.id)) {
        pairs += 1;
        if (reader.accountId === owner.accountId) problems.push(`${reader.id} and ${owner.id} share an account`);
        if (receivers.has(reader.accountId)) problems.push(`${reader.id} may receive from ${queueOf(owner)}`);
        if (decrypters.has(reader.accountId)) problems.push(`${reader.id} may decrypt ${queueOf(owner)}`);
      }
    }
    for (const grant of access.iamReceivers)
      problems.push(`an IAM policy lets a role receive from an outbound queue: ${grant}`);
    for (const inst of institutions)
      if (access.trustedAccounts.has(inst.accountId)) problems.push(`a role trusts ${inst.id}'s account`);

    recordFigures(
      'isolation-templates',
      {},
      [
        `outbound queues: ${institutions.length} readable by their own institution only; ${pairs} cross-institution reads impossible`,
      ],
      0,
    );
    expect(problems).toEqual([]);
    expect(pairs).toBe(institutions.length * (institutions.length - 1));
  });
});
