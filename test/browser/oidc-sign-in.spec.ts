// Sign-in as on AWS: through an OpenID Connect provider, with the authorization code and PKCE.
// The provider is panva's oidc-provider (a certified implementation) run here in-process, as an
// operator's identity system or Keycloak would run elsewhere; the console server beside it is
// started in OIDC mode over its own tables, seeded with a hearing court's applications.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { expect, test } from '@playwright/test';
import dynalite from 'dynalite';
import Provider from 'oidc-provider';
import { seedApplications } from '../../bench/console/seed.ts';
import { startConsoleServer, type ConsoleServer } from '../../local/console-server.ts';
import { createTableInput } from '../../local/provision.ts';
import { REGISTRY } from '../../local/registry.ts';
import { TABLES, tableName, type TableId } from '../../shared/resources/tables.ts';
import { createDocumentClient } from '../../shared/storage/clients.ts';
import { expectAccessible, screenshot } from './support.ts';

const STAGE = 'oidc';
const CLIENT_ID = 'linkage-console';
/** The provider's accounts and the claims it puts into their ID tokens. */
const ACCOUNTS: Record<string, { institution: string; role: string }> = {
  'wang.judge': { institution: 'FJ-LY-ZY', role: 'JUDGE' },
  'no.institution': { institution: 'NOT-REGISTERED', role: 'JUDGE' },
};

let dynamo: Server;
let dynamodb: DynamoDBClient;
let provider: Server;
let consoleServer: ConsoleServer;
let dataDir: string;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test.beforeAll(async () => {
  dynamo = dynalite({ createTableMs: 0 });
  await new Promise<void>((resolve) => dynamo.listen(0, '127.0.0.1', resolve));
  dynamodb = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${(dynamo.address() as AddressInfo).port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
  for (const id of Object.keys(TABLES) as TableId[])
    await dynamodb.send(new CreateTableCommand(createTableInput(tableName(STAGE, id), TABLES[id])));
  await seedApplications(createDocumentClient(dynamodb), tableName(STAGE, 'cases'), 5, 'FJ-LY-ZY', ['FJ-P01']);

  const [consolePort, providerPort] = [await freePort(), await freePort()];
  const consoleUrl = `http://127.0.0.1:${consolePort}`;
  const issuer = `http://127.0.0.1:${providerPort}`;
  const oidc = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        token_endpoint_auth_method: 'none',
        redirect_uris: [`${consoleUrl}/sign-in/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    scopes: ['openid', 'linkage'],
    claims: { openid: ['sub'], linkage: ['preferred_username', 'institution', 'role'] },
    // Put the scope's claims into the ID token, which is what the console sends to its API.
    conformIdTokenClaims: false,
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: () => ({ sub, preferred_username: sub, ...ACCOUNTS[sub] }),
    }),
    clientBasedCORS: (_ctx, origin) => origin === consoleUrl,
    cookies: { keys: ['browser-test-only'] },
  });
  provider = oidc.listen(providerPort) as unknown as Server;
  dataDir = mkdtempSync(join(tmpdir(), 'linkage-oidc-test-'));
  consoleServer = await startConsoleServer({
    dataDir,
    stage: STAGE,
    dynamodb,
    registry: REGISTRY,
    port: consolePort,
    oidc: { issuer, jwksUri: `${issuer}/jwks`, clientId: CLIENT_ID, scope: 'openid linkage' },
  });
});

test.afterAll(async () => {
  await consoleServer?.stop();
  await new Promise<void>((resolve) => (provider ? provider.close(() => resolve()) : resolve()));
  dynamodb?.destroy();
  await new Promise<void>((resolve) => (dynamo ? dynamo.close(() => resolve()) : resolve()));
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function signInAtProvider(page: import('@playwright/test').Page, login: string) {
  await page.goto(`${consoleServer.url}/sign-in`);
  await expect(page.getByText('将跳转到本单位的统一身份认证系统')).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'sign-in-oidc');
  await page.getByRole('button', { name: '通过统一身份认证登录' }).click();
  // The provider's own pages: its login form, then its consent prompt.
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password: the test provider checks none');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('sign in through the OpenID Connect provider and see the court cases', async ({ page }) => {
  await signInAtProvider(page, 'wang.judge');
  await expect(page).toHaveURL(`${consoleServer.url}/cases`);
  await expect(page.getByTestId('who')).toContainText('wang.judge');
  await expect(page.locator('[data-testid="case-list"] tbody tr[data-row-key]')).toHaveCount(5);
  // The token kept for the API is the provider's ID token, for this client.
  const token = await page.evaluate(() => sessionStorage.getItem('linkage.token') ?? '');
  const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
  expect(claims).toMatchObject({ aud: CLIENT_ID, institution: 'FJ-LY-ZY', role: 'JUDGE' });
  expect(claims.iss).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
});

test('a provider account naming no registered institution sees nothing', async ({ page }) => {
  await signInAtProvider(page, 'no.institution');
  // The API refuses the token (401), so the console clears it and returns to sign-in.
  await expect(page).toHaveURL(`${consoleServer.url}/sign-in`);
  expect(await page.evaluate(() => sessionStorage.getItem('linkage.token'))).toBeNull();
});
