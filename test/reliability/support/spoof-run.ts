// The spoofing part of isolation as a function, for the suite (isolation.test.ts) and for
// the sabotage test that proves `spoofs rejected` can fall short: messages valid except for
// their sender go through the real ingest path; each must come back rejected to the owner of
// the queue it arrived on (never to the institution it claims to be), naming sender.id or
// sender.kind, quarantined as sender-mismatch, counted as SpoofRejected, and change nothing.
import type { InboundMessage } from '../../../shared/contract/messages.ts';
import { metrics, METRIC } from '../../../shared/powertools/metrics.ts';
import { isSender, SENDING_KINDS, type Institution } from '../../../shared/resources/registry.ts';
import { REGISTRY } from '../../../local/registry.ts';
import { dossier, ruling, status } from '../../../generators/case.ts';
import { quarantineItems } from './quarantine.ts';
import type { Random } from './random.ts';
import type { ReliabilityService } from './service.ts';
import { differences, snapshot } from './snapshot.ts';

const UNCHANGED = ['cases', 'decisions', 'access', 'idempotency'] as const;
const SERVICE_SENDER = { kind: 'SERVICE', id: REGISTRY.service.id } as const;

export interface Spoof {
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

export function spoofs(count: number, random: Random): Spoof[] {
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

const counter = { counted: 0, installed: false };

/** Counts SpoofRejected as the handlers record it (metrics are not published locally), from now on. */
function countSpoofRejections(): () => number {
  if (!counter.installed) {
    counter.installed = true;
    const addMetric = metrics.addMetric.bind(metrics);
    metrics.addMetric = ((name: string, ...rest: unknown[]) => {
      if (name === METRIC.spoofRejected) counter.counted += Number(rest[1] ?? 1);
      return (addMetric as (...args: unknown[]) => void)(name, ...rest);
    }) as typeof metrics.addMetric;
  }
  const from = counter.counted;
  return () => counter.counted - from;
}

export async function spoofRun(svc: ReliabilityService, sent: readonly Spoof[], settleMs: number) {
  await svc.seedBaseline(JSON.stringify(dossier()), JSON.stringify(status()));
  const before = await snapshot(svc, UNCHANGED);
  const counted = countSpoofRejections();

  await svc.sendAll(sent.map((s) => ({ institutionId: s.owner, text: JSON.stringify(s.message) })));
  await svc.settle(settleMs);

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
          r.message.schema === 'linkage.rejection.v1' && r.message.body.rejectedMessageId === spoof.message.messageId,
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

  const spoofCounted = counted();
  return {
    rejected,
    spoofCounted,
    problems,
    changed,
    failures,
    /** The summary's figure: only counted when nothing changed and every spoof was counted. */
    spoofsRejected: changed.length === 0 && spoofCounted === sent.length ? rejected : 0,
  };
}
