// Assessment figures (issue 14) over a month of generated traffic through the real handlers on
// the embedded engines: 40 institutions, a few thousand messages in and out, duplicates the
// same day, and redeliveries afterwards. Every counter of every institution and day is checked
// against a count made independently from the generated events and from what the institutions
// received; redelivering everything changes no figure; the reconciliation finds no difference,
// and finds the one planted by corrupting a counter.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRegistry } from '../../generators/registry.ts';

const SEED = Number(process.env.ASSESSMENT_SEED ?? 20261130);
const DOSSIERS_PER_DAY = Number(process.env.ASSESSMENT_DOSSIERS_PER_DAY ?? 6);
const MONTH = '2026-11';

const folder = mkdtempSync(join(tmpdir(), 'linkage-assessment-'));
const registry = generateRegistry(40);
writeFileSync(join(folder, 'registry.json'), JSON.stringify(registry));
// Read by local/registry.ts and shared/pipeline/registry.ts when they load: set it first.
process.env.LINKAGE_REGISTRY_FILE = join(folder, 'registry.json');
const { startTestService, documentClient } = await import('./harness.ts');
const { MonthTraffic } = await import('./assessment/month-traffic.ts');
const { expectedFigures } = await import('./assessment/expectations.ts');
const { DemoClock } = await import('../../local/demo/messages.ts');
const { CLOCK_SHIFT_VARIABLE } = await import('../../shared/pipeline/clock.ts');
const { addDays, startOfDay } = await import('../../shared/time/calendar.ts');
const { tableName } = await import('../../shared/resources/tables.ts');
const { readMonth, addToCounter } = await import('../../shared/assessment/counter-store.ts');
const { countersOf } = await import('../../shared/assessment/figures.ts');
const { assessedInstitutions } = await import('../../shared/assessment/report.ts');
const { reconcileDay } = await import('../../shared/assessment/reconcile.ts');
const record = await import('../../shared/assessment/record.ts');
const { getApplication } = await import('../../shared/storage/application-store.ts');
const { loadPrisoner } = await import('../../shared/storage/prisoner-store.ts');
const { receivedStatuses } = await import('../../shared/pipeline/evaluation/facts.ts');
type Drained = import('./assessment/expectations.ts').Drained;
const { cliEnvironment, runCli } = await import('./cli-process.ts');
const { readPdf } = await import('../support/pdf.ts');

let test: Awaited<ReturnType<typeof startTestService>>;
const drained: Drained[] = [];
const traffic = new MonthTraffic(registry, SEED, DOSSIERS_PER_DAY);
const days = Array.from({ length: 30 }, (_, i) => `${MONTH}-${String(i + 1).padStart(2, '0')}`);
let inboundSent = 0;

const tables = () => {
  const stage = test.service.endpoints.stage;
  return {
    cases: tableName(stage, 'cases'),
    decisions: tableName(stage, 'decisions'),
    access: tableName(stage, 'access'),
    quarantine: tableName(stage, 'quarantine'),
    assessment: tableName(stage, 'assessment'),
  };
};

const settle = () => test.service.runner.waitUntilQuiet(300_000);

async function sendAll(planned: { senderId: string; text: string }[]) {
  for (let i = 0; i < planned.length; i += 25)
    await Promise.all(planned.slice(i, i + 25).map((p) => test.sendText(p.senderId, p.text)));
  inboundSent += planned.length;
}

async function drainAll(day: string) {
  for (const inst of registry.institutions) {
    const received = await test.drain(inst.id);
    drained.push(...received);
    for (const r of received)
      if (r.message.schema === 'linkage.verification-request.v1') traffic.scheduleReply(day, r.message.body, addDays);
  }
}

/** Every institution's day counters, as stored. */
async function storedFigures() {
  const db = documentClient(test);
  const figures = new Map<string, Map<string, Record<string, number>>>();
  for (const inst of assessedInstitutions(registry)) {
    const byDay = new Map<string, Record<string, number>>();
    for (const d of await readMonth(db, tables().assessment, inst.id, MONTH)) byDay.set(d.day, d.counts);
    figures.set(inst.id, byDay);
  }
  return figures;
}

beforeAll(async () => {
  test = await startTestService();
}, 300_000);
afterAll(async () => {
  delete process.env[CLOCK_SHIFT_VARIABLE];
  await test?.stop();
  rmSync(folder, { recursive: true, force: true });
  delete process.env.LINKAGE_REGISTRY_FILE;
});

describe('assessment figures over a month of traffic', () => {
  it('plays November through the handlers', { timeout: 1_500_000 }, async () => {
    for (const day of days) {
      const nowMs = startOfDay(day, 480) + 9 * 3_600_000;
      process.env[CLOCK_SHIFT_VARIABLE] = String(nowMs - Date.now());
      const planned = traffic.day(day, new DemoClock(nowMs));
      // Statuses, rulings and invalid texts first, dossiers after: a request the service asks
      // that day is asked after every status of the day was received.
      const originals = planned.filter((p) => !p.duplicate);
      const dossiers = originals.filter((p) => p.text.includes('linkage.reduction-dossier.v1'));
      await sendAll(originals.filter((p) => !dossiers.includes(p)));
      await settle();
      await sendAll(dossiers);
      await settle();
      await sendAll(planned.filter((p) => p.duplicate));
      await settle();
      await drainAll(day);
    }
    const outbound = drained.length;
    // Only the invalid texts are refused: a valid message refused is a bug of the generator.
    const refused = drained.flatMap((d) =>
      d.message.schema === 'linkage.rejection.v1' && d.message.body.rejectedMessageId ? [d.message.body] : [],
    );
    expect(refused).toEqual([]);
    console.log(
      `month played: ${traffic.applications.length} applications, ${traffic.statuses.length} statuses, ${traffic.rulings.length} rulings, ${traffic.invalid.length} invalid texts; ${inboundSent} messages in (duplicates included), ${outbound} out`,
    );
    expect(inboundSent + outbound).toBeGreaterThan(2_000);
  });

  it('counts every figure of every institution and day as the events say', async () => {
    const expected = expectedFigures(traffic, drained, registry.service.id);
    const stored = await storedFigures();
    const mismatches: string[] = [];
    let checked = 0;
    const totals: Record<string, number> = {};
    for (const inst of assessedInstitutions(registry)) {
      for (const day of days) {
        const want = expected.get(inst.id)?.get(day) ?? {};
        const got = stored.get(inst.id)?.get(day) ?? {};
        for (const figure of countersOf(inst.kind)) {
          checked += 1;
          const a = got[figure] ?? 0;
          const b = want[figure] ?? 0;
          totals[figure] = (totals[figure] ?? 0) + b;
          if (a !== b) mismatches.push(`${inst.id} ${day} ${figure}: counted ${a}, expected ${b}`);
        }
      }
    }
    const shown = Object.entries(totals).filter(([k, v]) => v > 0 && !/^rd\d+$/.test(k));
    console.log(`checked ${checked} counters; month totals: ${shown.map(([k, v]) => `${k} ${v}`).join(', ')}`);
    expect(mismatches.slice(0, 20)).toEqual([]);
    // The traffic exercised every kind of figure.
    for (const figure of [
      'requestsReceived',
      'requestsAnswered',
      'answeredWithin7',
      'statusesUnprompted',
      'rejections',
      'dossiersSubmitted',
      'completeAtFirst',
      'materialsCompleted',
      'flagsBLOCK',
      'flagsCLEAR',
      'rulingsRecorded',
      'applicationsEvaluated',
      'clearedAfterPayment',
    ])
      expect(totals[figure], figure).toBeGreaterThan(0);
  });

  it('changes no figure when everything is delivered again', { timeout: 600_000 }, async () => {
    const before = await storedFigures();
    const db = documentClient(test);
    const deps = { db, env: { tables: tables() }, registry };
    // Every valid message again, through the queues (now days later: past the idempotency window's clock).
    await sendAll(traffic.sentValid.map((m) => ({ senderId: m.sender.id, text: JSON.stringify(m) })));
    await settle();
    const received = drained.length;
    await drainAll(days.at(-1)!);
    expect(drained.slice(received).filter((d) => d.message.schema !== 'linkage.rejection.v1')).toEqual([]);
    // And each hook called again with the events it counted, as a retried invocation would.
    for (const { message } of traffic.statuses) await record.assessStatus(deps, message);
    for (const d of drained) {
      const m = d.message;
      if (m.schema === 'linkage.rejection.v1')
        await record.assessRejection(deps, d.institutionId, m.body.quarantineRef, m.body.receivedAt);
      if (m.schema === 'linkage.fulfilment-flag.v1') {
        const app = traffic.applications.find((a) => a.applicationId === m.body.applicationId)!;
        if (d.institutionId !== app.hearingCourtId) continue;
        const stored = await getApplication(db, tables().cases, app.prisoner.personId, app.applicationId);
        await record.assessDelivery(deps, stored!, m.body, m.messageId, m.sentAt);
      }
    }
    // The evaluation's hook (answers, rulings) for every application, as a retried evaluation runs it.
    for (const a of traffic.applications) {
      const prisoner = await loadPrisoner(db, tables().cases, a.prisoner.personId);
      const application = prisoner.applications.find((x) => x.applicationId === a.applicationId)!;
      const requests = prisoner.requests.filter((r) => r.body.applicationId === a.applicationId);
      // As the first run saw them: not yet marked answered.
      const unmarked = requests.map(({ answeredAt: _answeredAt, ...r }) => r);
      await record.assessEvaluation(
        deps,
        a.prisoner.personId,
        { ...application, closed: false },
        unmarked,
        receivedStatuses(prisoner),
      );
    }
    const after = await storedFigures();
    expect(after).toEqual(before);
  });

  it(
    'prints the month with `linkage stats` and writes it with `linkage report` (CSV and PDF)',
    { timeout: 180_000 },
    async () => {
      const env = { ...cliEnvironment(test), LINKAGE_REGISTRY_FILE: process.env.LINKAGE_REGISTRY_FILE };
      const expected = expectedFigures(traffic, drained, registry.service.id);
      const monthOf = (id: string) => {
        const total: Record<string, number> = {};
        for (const counts of expected.get(id)?.values() ?? [])
          for (const [k, v] of Object.entries(counts)) total[k] = (total[k] ?? 0) + v;
        return total;
      };
      const stats = await runCli(['stats', '--period', MONTH, '--json'], env);
      expect(stats.stderr).toBe('');
      const printed = JSON.parse(stats.stdout) as { institutionId: string; counts: Record<string, number> }[];
      expect(printed).toHaveLength(assessedInstitutions(registry).length);
      for (const f of printed) {
        const want = monthOf(f.institutionId);
        for (const [figure, value] of Object.entries(f.counts))
          expect(value, `${f.institutionId} ${figure}`).toBe(want[figure] ?? 0);
      }
      const court = registry.institutions.find((i) => i.kind === 'ENFORCING_COURT')!.id;
      const text = await runCli(['stats', '--period', '2026-Q4', '--institution', court], env);
      expect(text.code).toBe(0);
      expect(text.stdout).toContain('enforcing court (2026-Q4)');
      expect(text.stdout).toContain(court);

      const csv = await runCli(['report', '--month', MONTH, '--format', 'csv'], env);
      expect(csv.code).toBe(0);
      const rows = csv.stdout
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
        .map((line) => line.split(','));
      expect(rows[0]).toEqual(['period', 'institution_id', 'institution', 'kind', 'figure', '指标', 'value']);
      const requests = rows.find((r) => r[1] === court && r[4] === 'requestsReceived')!;
      expect(Number(requests[6])).toBe(monthOf(court).requestsReceived ?? 0);

      const bad = await runCli(['report', '--month', '2026-13', '--format', 'csv'], env);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--month');

      const file = join(folder, 'report-2026-11.pdf');
      const pdf = await runCli(['report', '--month', MONTH, '--format', 'pdf', '--out', file], env);
      expect(pdf.stderr).toContain('wrote');
      const read = await readPdf(file);
      console.log(
        `PDF report: ${read.pages} pages, ${read.images} chart images, ${read.text.length} characters of text`,
      );
      expect(read.pages).toBeGreaterThanOrEqual(4);
      expect(read.text.replaceAll(' ', '')).toContain('财产性判项联动考核报告（2026-11）');
      expect(read.images).toBeGreaterThanOrEqual(4);
    },
  );

  it('reconciles every day with no difference, and finds a corrupted counter', { timeout: 600_000 }, async () => {
    const db = documentClient(test);
    let differences = 0;
    for (const day of days) differences += (await reconcileDay(db, tables(), registry, day)).differences.length;
    console.log(`reconciled ${days.length} days: ${differences} differences`);
    expect(differences).toBe(0);

    const court = registry.institutions.find((i) => i.kind === 'ENFORCING_COURT')!.id;
    const day = '2026-11-12';
    const stored = (await readMonth(db, tables().assessment, court, MONTH)).find((d) => d.day === day)?.counts ?? {};
    const planted = (stored.requestsReceived ?? 0) + 1;
    await addToCounter(db, tables().assessment, court, day, 'requestsReceived', 1);
    const result = await reconcileDay(db, tables(), registry, day);
    expect(result.differences).toEqual([
      { institutionId: court, day, figure: 'requestsReceived', counted: planted, recomputed: planted - 1 },
    ]);
  });
});
