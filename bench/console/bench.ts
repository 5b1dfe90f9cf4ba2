// The web console's figures, each beside a reference measured in the same run:
//  - case list API p95 (GET /api/cases, 20 rows, token verified, over 10,000 applications in
//    the local tables) beside the bare DynamoDB Query of the same index page;
//  - first page load in Chromium (navigation → the list's rows shown) beside the load of a
//    bare JSON response from the same server in the same browser;
//  - initial JavaScript (gzip) beside all the console's JavaScript.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { chromium } from '@playwright/test';
import dynalite from 'dynalite';
import { issuerKeyFileIn, localIssuer } from '../../api/auth/local-issuer.ts';
import { createConsoleApp } from '../../api/app.ts';
import { createVerifier } from '../../api/auth/verifier.ts';
import { UserStore, usersFileIn } from '../../api/auth/user-store.ts';
import { CONSOLE_DIST, ensureConsoleBuilt, startConsoleServer } from '../../local/console-server.ts';
import { createTableInput } from '../../local/provision.ts';
import { REGISTRY } from '../../local/registry.ts';
import { TABLES, tableName, type TableId } from '../../shared/resources/tables.ts';
import { createDocumentClient } from '../../shared/storage/clients.ts';
import { median, percentile } from '../measure.ts';
import { measureInitialJs, type InitialJs } from './initial-js.ts';
import { seedApplications } from './seed.ts';

export interface ConsoleResult {
  readonly applications: number;
  readonly list: {
    readonly apiP50Ms: number;
    readonly apiP95Ms: number;
    readonly rawP50Ms: number;
    readonly rawP95Ms: number;
    readonly requests: number;
  };
  readonly pageLoad?: {
    readonly listShownMs: number;
    readonly referenceMs: number;
    readonly loads: number;
    readonly error?: string;
  };
  readonly initialJs: InitialJs;
}

const STAGE = 'bench';
const HEARING_COURT = 'FJ-LY-ZY';

export async function benchConsole(options: {
  applications: number;
  requests: number;
  loads: number;
  progress: (line: string) => void;
}): Promise<ConsoleResult> {
  ensureConsoleBuilt(options.progress);
  const server: Server = dynalite({ createTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const dynamodb = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
  const db = createDocumentClient(dynamodb);
  const dataDir = mkdtempSync(join(tmpdir(), 'linkage-console-bench-'));
  try {
    for (const id of Object.keys(TABLES) as TableId[])
      await dynamodb.send(new CreateTableCommand(createTableInput(tableName(STAGE, id), TABLES[id])));
    options.progress(`console: loading ${options.applications.toLocaleString('en-US')} applications ...`);
    const cases = tableName(STAGE, 'cases');
    await seedApplications(db, cases, options.applications, HEARING_COURT, ['FJ-P01', 'FJ-P02']);

    const issuer = await localIssuer('http://127.0.0.1/auth', issuerKeyFileIn(dataDir));
    const app = createConsoleApp({
      db,
      tables: {
        cases,
        decisions: tableName(STAGE, 'decisions'),
        access: tableName(STAGE, 'access'),
        quarantine: tableName(STAGE, 'quarantine'),
      },
      registry: REGISTRY,
      verifier: createVerifier({
        issuer: issuer.issuer,
        audience: issuer.audience,
        keys: issuer.keys,
        registry: REGISTRY,
      }),
      now: Date.now,
      signIn: { mode: 'password', issuer: issuer.issuer },
    });
    const token = await issuer.sign({ username: 'bench', institutionId: HEARING_COURT, role: 'JUDGE' });
    const api: number[] = [];
    const raw: number[] = [];
    const timed = async (fn: () => Promise<unknown>, into: number[]) => {
      const started = performance.now();
      await fn();
      into.push(performance.now() - started);
    };
    options.progress(`console: ${options.requests} list requests through the API, interleaved with the bare query ...`);
    for (let i = 0; i < options.requests + 20; i += 1) {
      const apiTimes = i < 20 ? [] : api;
      const rawTimes = i < 20 ? [] : raw;
      await timed(async () => {
        const response = await app.request('/api/cases?limit=20', { headers: { Authorization: `Bearer ${token}` } });
        if (response.status !== 200) throw new Error(`GET /api/cases answered ${response.status}`);
        await response.json();
      }, apiTimes);
      await timed(
        () =>
          db.send(
            new QueryCommand({
              TableName: cases,
              IndexName: 'byHearingCourt',
              KeyConditionExpression: 'hearingCourtId = :h',
              ExpressionAttributeValues: { ':h': HEARING_COURT },
              ScanIndexForward: false,
              Limit: 20,
            }),
          ),
        rawTimes,
      );
    }
    const list = {
      apiP50Ms: median(api),
      apiP95Ms: percentile(api, 95),
      rawP50Ms: median(raw),
      rawP95Ms: percentile(raw, 95),
      requests: api.length,
    };
    const pageLoad = await firstPageLoad(dynamodb, dataDir, options.loads, options.progress);
    return {
      applications: options.applications,
      list,
      ...(pageLoad ? { pageLoad } : {}),
      initialJs: measureInitialJs(CONSOLE_DIST),
    };
  } finally {
    dynamodb.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function firstPageLoad(
  dynamodb: DynamoDBClient,
  dataDir: string,
  loads: number,
  progress: (line: string) => void,
) {
  const consoleServer = await startConsoleServer({ dataDir, stage: STAGE, dynamodb, registry: REGISTRY });
  const users = new UserStore(usersFileIn(dataDir));
  await users.add(
    { username: 'bench-judge', institutionId: HEARING_COURT, role: 'JUDGE', password: 'bench-password' },
    REGISTRY,
  );
  const tokenResponse = await fetch(`${consoleServer.url}/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'bench-judge', password: 'bench-password' }),
  });
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  let browser;
  try {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  } catch (error) {
    await consoleServer.stop();
    return {
      listShownMs: Number.NaN,
      referenceMs: Number.NaN,
      loads: 0,
      error: `no Chromium: ${(error as Error).message.split('\n')[0]}`,
    };
  }
  progress(`console: ${loads} cold first loads of the case list in Chromium ...`);
  const list: number[] = [];
  const reference: number[] = [];
  try {
    for (let i = 0; i < loads; i += 1) {
      // A fresh context each time: empty cache, as on a first visit (the token is already there).
      const context = await browser.newContext();
      await context.addInitScript((value) => sessionStorage.setItem('linkage.token', value), token);
      const page = await context.newPage();
      let started = performance.now();
      await page.goto(`${consoleServer.url}/cases`);
      await page.locator('[data-testid="case-list"] tbody tr[data-row-key]').first().waitFor();
      list.push(performance.now() - started);
      started = performance.now();
      await page.goto(`${consoleServer.url}/api/health`);
      await page.getByText('"ok"').waitFor();
      reference.push(performance.now() - started);
      await context.close();
    }
  } finally {
    await browser.close();
    await consoleServer.stop();
  }
  return { listShownMs: median(list), referenceMs: median(reference), loads };
}
