// The console's assessment routes over the real pipeline: a dossier and a status go through the
// ingest and evaluation, whose hooks count them; the API answers with those counters (read
// back independently from the table), only to whom may read them: an institution its own
// (another's: 404), a provincial administrator the province's, and nothing else at all
// (no message, case, request, rejection or operations route: 404).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleApp } from '../../api/app.ts';
import { createVerifier } from '../../api/auth/verifier.ts';
import { UserStore } from '../../api/auth/user-store.ts';
import { sqsOutbox } from '../../api/write/outbox.ts';
import { figuresCsv } from '../../shared/assessment/csv.ts';
import { parsePeriod } from '../../shared/assessment/periods.ts';
import { readFigures } from '../../shared/assessment/report.ts';
import { tableName } from '../../shared/resources/tables.ts';
import { REGISTRY } from '../../local/registry.ts';
import { dossier, status } from '../../generators/case.ts';
import { testIssuer, token, type TestIssuer } from '../unit/api/support.ts';
import { documentClient, startTestService, type TestService } from './harness.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let test: TestService;
let signer: TestIssuer;
let app: ReturnType<typeof createConsoleApp>;
// The generated messages are of 2026-11; the verification request is sent "now": a quarter holds both.
const PERIOD = '2026-Q4';

const ROLE: Record<string, string> = {
  'FJ-P01': 'ADMINISTRATOR',
  'FJ-LY-ZY': 'JUDGE',
  'FJ-JC-P01': 'PROCURATOR',
  FJ: 'PROVINCIAL_ADMIN',
};
const as = (institution: string) => token(signer, { institution, role: ROLE[institution] ?? 'CLERK' });

async function get(institution: string, path: string) {
  const response = await app.request(path, { headers: { Authorization: `Bearer ${await as(institution)}` } });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

const stored = () =>
  readFigures(
    documentClient(test),
    tableName(test.service.endpoints.stage, 'assessment'),
    REGISTRY,
    parsePeriod(PERIOD),
    { live: { casesTable: tableName(test.service.endpoints.stage, 'cases'), now: new Date().toISOString() } },
  );

beforeAll(async () => {
  test = await startTestService();
  signer = await testIssuer();
  const stage = test.service.endpoints.stage;
  app = createConsoleApp({
    db: documentClient(test),
    tables: {
      cases: tableName(stage, 'cases'),
      decisions: tableName(stage, 'decisions'),
      access: tableName(stage, 'access'),
      quarantine: tableName(stage, 'quarantine'),
      assessment: tableName(stage, 'assessment'),
    },
    registry: REGISTRY,
    verifier: createVerifier({
      issuer: signer.issuer.issuer,
      audience: signer.issuer.audience,
      keys: signer.issuer.keys,
      registry: REGISTRY,
    }),
    now: Date.now,
    signIn: { mode: 'oidc', issuer: signer.issuer.issuer, clientId: 'linkage-console' },
    outbox: sqsOutbox(test.service.clients.sqs, test.service.endpoints),
  });
  // Real traffic: the dossier makes the service ask the enforcing court (a verification
  // request), whose status answers it; the hearing court gets the flags.
  await test.send(dossier());
  await test.settle();
  await test.send(status());
  await test.settle();
}, 180_000);

afterAll(async () => {
  await test?.stop();
});

describe('assessment figures in the console API', () => {
  it("an enforcing court reads its own figures: the pipeline's counters, as stored", async () => {
    const result = await get('FJ-LY-XL', `/api/assessment?period=${PERIOD}`);
    expect(result.status).toBe(200);
    const body = result.json() as { period: string; figures: { institutionId: string; counts: object }[] };
    expect(body.figures.map((f) => f.institutionId)).toEqual(['FJ-LY-XL']);
    const mine = (await stored()).find((f) => f.institutionId === 'FJ-LY-XL')!;
    expect(body.figures[0]).toMatchObject({
      period: PERIOD,
      kind: 'ENFORCING_COURT',
      nameZh: '龙岩市新罗区人民法院',
      counts: mine.counts,
      derived: mine.derived,
    });
    // The traffic above, counted by the hooks: one request received, one status (dated before
    // the request, so it does not answer it).
    expect(mine.counts).toMatchObject({ requestsReceived: 1, requestsAnswered: 0, statusesAccepted: 1 });
  });

  it("another institution's figures answer 404, by period, series, CSV and PDF alike", async () => {
    for (const path of [
      `/api/assessment?period=${PERIOD}&institution=FJ-LY-ZP`,
      '/api/assessment/months?from=2026-10&to=2026-11&institution=FJ-P01',
      '/api/assessment/report.csv?month=2026-11&institution=FJ-LY-ZY',
      '/api/assessment/report.pdf?month=2026-11&institution=LINKAGE',
    ])
      expect((await get('FJ-LY-XL', path)).status, path).toBe(404);
    // A procuratorate is not assessed: it reads no figures.
    expect((await get('FJ-JC-P01', '/api/assessment')).status).toBe(404);
  });

  it("a provincial administrator reads every institution of the province and the linkage's figures", async () => {
    const result = await get('FJ', `/api/assessment?period=${PERIOD}`);
    expect(result.status).toBe(200);
    const body = result.json() as { figures: { institutionId: string; counts: object }[] };
    const all = await stored();
    expect(body.figures.map((f) => f.institutionId).sort()).toEqual(all.map((f) => f.institutionId).sort());
    for (const f of all)
      expect(
        body.figures.find((v) => v.institutionId === f.institutionId),
        f.institutionId,
      ).toMatchObject({
        counts: f.counts,
      });
    expect(all.find((f) => f.institutionId === 'FJ-P01')!.counts.dossiersSubmitted).toBe(1);
    expect(all.find((f) => f.institutionId === 'LINKAGE')!.counts.applicationsEvaluated).toBe(1);
    const me = (await get('FJ', '/api/me')).json();
    expect(me).toMatchObject({
      role: 'PROVINCIAL_ADMIN',
      institution: { id: 'FJ', nameZh: '福建省', kind: 'PROVINCE' },
    });
  });

  it('a provincial administrator can neither send messages nor read cases, requests or rejections', async () => {
    const send = await app.request('/api/messages', {
      method: 'POST',
      headers: { Authorization: `Bearer ${await as('FJ')}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ schema: 'linkage.enforcement-status.v1', body: status().body }),
    });
    expect(send.status).toBe(404);
    for (const path of [
      '/api/cases',
      '/api/cases/FJ-P01-2026-0042',
      '/api/cases/FJ-P01-2026-0042/revision',
      '/api/requests',
      '/api/rejections',
      '/api/access',
      '/api/operations/dead-letters',
      '/api/messages/status-draft?applicationId=FJ-P01-2026-0042&judgmentId=x',
    ]) {
      const result = await get('FJ', path);
      expect(result.status, path).toBe(404);
      expect(result.text).not.toContain('张某');
    }
    // The same case is there for its prison: the 404 above is the role's, not a missing case.
    expect((await get('FJ-P01', '/api/cases/FJ-P01-2026-0042')).status).toBe(200);
  });

  it('a token naming no registered province, or a province role at an institution, is refused (401)', async () => {
    for (const claims of [
      { institution: 'XZ', role: 'PROVINCIAL_ADMIN' },
      { institution: 'FJ-P01', role: 'PROVINCIAL_ADMIN' },
      { institution: 'FJ', role: 'ADMINISTRATOR' },
    ]) {
      const response = await app.request('/api/assessment', {
        headers: { Authorization: `Bearer ${await token(signer, claims)}` },
      });
      expect(response.status, JSON.stringify(claims)).toBe(401);
    }
  });

  it("the CSV report is the CLI's (same module), for the caller's scope only", async () => {
    const result = await get('FJ-LY-ZY', '/api/assessment/report.csv?month=2026-11');
    expect(result.status).toBe(200);
    const expected = figuresCsv(
      await readFigures(
        documentClient(test),
        tableName(test.service.endpoints.stage, 'assessment'),
        REGISTRY,
        parsePeriod('2026-11'),
        { institutionIds: ['FJ-LY-ZY'] },
      ),
    );
    expect(result.text).toBe(expected.replace(/^\uFEFF/, ''));
    expect(result.text).toContain('2026-11,FJ-LY-ZY,');
    expect(result.text.split('\r\n').filter((l) => l.includes(',flagsBLOCK,')).length).toBe(1);
    // No PDF renderer in this deployment: 404 with the reason.
    const pdf = await get('FJ-LY-ZY', '/api/assessment/report.pdf?month=2026-11');
    expect(pdf.status).toBe(404);
    expect(pdf.json().error).toContain('linkage report --format pdf');
  });

  it('a series of months equals each month read alone; a bad period or range names the field', async () => {
    const series = (await get('FJ', '/api/assessment/months?from=2026-10&to=2026-12')).json() as {
      months: string[];
      series: { month: string; figures: { institutionId: string; counts: object }[] }[];
    };
    expect(series.months).toEqual(['2026-10', '2026-11', '2026-12']);
    for (const { month, figures } of series.series) {
      const alone = (await get('FJ', `/api/assessment?period=${month}`)).json() as { figures: { counts: object }[] };
      expect(figures.map((f) => f.counts)).toEqual(alone.figures.map((f) => f.counts));
    }
    const bad = await get('FJ', '/api/assessment?period=2026-13');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('"path":"period"');
    const range = await get('FJ', '/api/assessment/months?from=2026-11&to=2024-01');
    expect(range.status).toBe(400);
    expect(JSON.stringify(range.json())).toContain('"path":"to"');
  });
});

describe('the PDF report from the console (local mode: Chromium on this machine)', () => {
  it("renders the CLI's PDF for the caller's scope: Chinese title and a chart image", async () => {
    const { renderPdfReport } = await import('../../local/report-pdf.ts');
    const { readPdf } = await import('../support/pdf.ts');
    const stage = test.service.endpoints.stage;
    const local = createConsoleApp({
      db: documentClient(test),
      tables: {
        cases: tableName(stage, 'cases'),
        decisions: tableName(stage, 'decisions'),
        access: tableName(stage, 'access'),
        quarantine: tableName(stage, 'quarantine'),
        assessment: tableName(stage, 'assessment'),
      },
      registry: REGISTRY,
      verifier: createVerifier({
        issuer: signer.issuer.issuer,
        audience: signer.issuer.audience,
        keys: signer.issuer.keys,
        registry: REGISTRY,
      }),
      now: Date.now,
      signIn: { mode: 'oidc', issuer: signer.issuer.issuer, clientId: 'linkage-console' },
      reportPdf: renderPdfReport,
    });
    const response = await local.request('/api/assessment/report.pdf?month=2026-11', {
      headers: { Authorization: `Bearer ${await as('FJ-LY-XL')}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const folder = mkdtempSync(join(tmpdir(), 'linkage-pdf-'));
    try {
      const file = join(folder, 'report.pdf');
      writeFileSync(file, Buffer.from(await response.arrayBuffer()));
      const read = await readPdf(file);
      expect(read.text.replaceAll(' ', '')).toContain('财产性判项联动考核报告（2026-11）');
      expect(read.text).toContain('FJ-LY-XL');
      expect(read.text).not.toContain('FJ-LY-ZP');
      expect(read.images).toBeGreaterThanOrEqual(1);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('local users', () => {
  it('`users add` creates a provincial administrator of a registered province only', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'linkage-users-'));
    try {
      const store = new UserStore(join(folder, 'users.json'));
      const password = 'a long password';
      await expect(
        store.add({ username: 'fj-admin', institutionId: 'FJ', role: 'PROVINCIAL_ADMIN', password }, REGISTRY),
      ).resolves.toMatchObject({ institutionId: 'FJ', role: 'PROVINCIAL_ADMIN' });
      await expect(
        store.add({ username: 'xz-admin', institutionId: 'XZ', role: 'PROVINCIAL_ADMIN', password }, REGISTRY),
      ).rejects.toThrow(/^institution: /);
      await expect(
        store.add({ username: 'p01-admin', institutionId: 'FJ-P01', role: 'PROVINCIAL_ADMIN', password }, REGISTRY),
      ).rejects.toThrow(/^institution: /);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
