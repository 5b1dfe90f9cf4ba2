// Part 3 of the reliability suite: isolation between institutions.
//   - Through the real ingest path: a prison sending as another prison, as a court, as the
//     hearing court or as a procuratorate; a court sending as another court or as the
//     service; a message whose sender.kind is not its queue owner's. Every one is rejected to
//     the owner of the queue it came on (never to the institution it claims to be), counted
//     as SpoofRejected, and changes nothing.
//   - In the synthesized templates: no institution's account can read another's outbound
//     queue (queue policies, key policies, IAM policies, role trust), while each can read its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboundQueue } from '../../shared/resources/queues.ts';
import type { Institution } from '../../shared/resources/registry.ts';
import { dossier, PERSON_ID } from '../../generators/case.ts';
import { STAGE, synthesize } from '../infra/synth.ts';
import { recordFigures } from './support/figures.ts';
import { LogCapture } from './support/log-capture.ts';
import { Random } from './support/random.ts';
import { ReliabilityService } from './support/service.ts';
import { reliabilitySettings, scaled } from './support/settings.ts';
import { spoofRun, spoofs } from './support/spoof-run.ts';
import { outboundAccess } from './support/template-access.ts';

const settings = reliabilitySettings();
const random = new Random(settings.seed).fork('isolation');

let capture: LogCapture;
let service: ReliabilityService | undefined;

beforeAll(async () => {
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
      const sent = spoofs(scaled(300), random);
      const run = await spoofRun(service!, sent, scaled(300_000));
      capture.stop();
      const { rejected, spoofCounted, problems, changed, failures } = run;
      const scenarios = new Map<string, number>();
      for (const s of sent) scenarios.set(s.scenario, (scenarios.get(s.scenario) ?? 0) + 1);
      const seconds = (Date.now() - started) / 1000;
      recordFigures(
        'isolation-spoofs',
        { spoofsRejected: run.spoofsRejected, spoofsSent: sent.length },
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
