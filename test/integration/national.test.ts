// Local mode with a generated national registry (200 institutions over every province): the
// service provisions every institution's queues, and an enforcing court in one province
// (Tianjin) reporting on a prisoner held in another (Beijing) reaches the hearing court that
// hears the prisoner's case, and nobody else.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FulfilmentFlag } from '../../shared/contract/fulfilment-flag.ts';
import { dossier, status } from '../../generators/case.ts';
import { generateRegistry } from '../../generators/registry.ts';

const SIZE = 200;
const folder = mkdtempSync(join(tmpdir(), 'linkage-national-'));
const registry = generateRegistry(SIZE);
writeFileSync(join(folder, 'registry.json'), JSON.stringify(registry));
// Read by local/registry.ts and shared/pipeline/registry.ts when they load: set it first.
process.env.LINKAGE_REGISTRY_FILE = join(folder, 'registry.json');
const { startTestService } = await import('./harness.ts');
const { flagsIn } = await import('../../local/demo/outbox.ts');

const PRISON = 'BJ-P0';
const PROCURATORATE = 'BJ-JC-P0';
const HEARING_COURT = 'BJ-ZY0';
const ENFORCING_COURT = 'TJ-FY1';
const APPLICATION = `${PRISON}-2026-0001`;

let test: Awaited<ReturnType<typeof startTestService>>;
let provisioningMs = 0;

beforeAll(async () => {
  const started = performance.now();
  test = await startTestService();
  provisioningMs = performance.now() - started;
}, 600_000);
afterAll(async () => {
  await test?.stop();
  rmSync(folder, { recursive: true, force: true });
  delete process.env.LINKAGE_REGISTRY_FILE;
});

describe(`a national registry of ${SIZE} institutions in local mode`, () => {
  it('provisions every institution: an outbound queue each, an inbound queue per sender, each with its DLQ', () => {
    const senders = registry.institutions.filter((i) => i.kind !== 'PROCURATORATE').length;
    expect(test.service.registry.institutions).toHaveLength(SIZE);
    // Two per queue (the queue and its DLQ), plus the evaluate queue and its DLQ.
    expect(test.service.provisioned.queues).toHaveLength(SIZE + senders + 1);
    console.log(
      `provisioned ${SIZE} institutions (${test.service.provisioned.queues.length} queues with their DLQs) in ${(provisioningMs / 1000).toFixed(1)} s`,
    );
  });

  it(
    "routes a cross-province enforcing court's report to the prisoner's hearing court",
    { timeout: 300_000 },
    async () => {
      const prisonerDossier = dossier({
        applicationId: APPLICATION,
        hearingCourtId: HEARING_COURT,
        judgments: [
          {
            judgmentId: '(2019)津0101刑初12号',
            enforcingCourtId: ENFORCING_COURT,
            items: [{ itemNo: 1, kind: 'FINE', dueFen: 5_000_000 }],
          },
        ],
      });
      await test.send({
        ...prisonerDossier,
        messageId: `${PRISON}:dossier:${APPLICATION}:v1`,
        sender: { kind: 'PRISON', id: PRISON },
      });
      const t0 = performance.now();
      await test.settle();
      console.log(
        `dossier settled in ${(performance.now() - t0).toFixed(0)} ms; invocations ${test.invocations.length}`,
      );
      // The enforcing court in Tianjin is asked for the status of the Beijing prisoner.
      const asked = await test.drain(ENFORCING_COURT);
      expect(asked.map((r) => r.message.schema)).toContain('linkage.verification-request.v1');
      const before = flagsIn(await test.drain(HEARING_COURT)).map((m) => m.body);

      await test.send(status({ judgmentId: '(2019)津0101刑初12号', version: 1 }, ENFORCING_COURT));
      await test.settle();

      const flags = flagsIn(await test.drain(HEARING_COURT)).map((m) => m.body);
      const all = [...before, ...flags].filter((f) => f.applicationId === APPLICATION);
      expect(all.length).toBeGreaterThan(0);
      const latest: FulfilmentFlag = all.sort((a, b) => b.revision - a.revision)[0]!;
      // The revision after the status carries the Tianjin court's figures.
      expect(flags.length).toBeGreaterThan(0);
      expect(latest.items).toMatchObject([
        { judgmentId: '(2019)津0101刑初12号', paidFen: 1_000_000, outstandingFen: 4_000_000, version: 1 },
      ]);
      // Copies to the prison and its procuratorate; nothing to another hearing court.
      expect(flagsIn(await test.drain(PRISON)).length).toBeGreaterThan(0);
      expect(flagsIn(await test.drain(PROCURATORATE)).length).toBeGreaterThan(0);
      expect(await test.drain('TJ-ZY1')).toEqual([]);
      expect(await test.drain('HE-ZY2')).toEqual([]);
    },
  );
});
