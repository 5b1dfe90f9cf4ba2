// Every signed-in route of the console API refuses a request without a valid token: none,
// expired, signed by another key, for another audience or issuer, or naming no registered
// institution or a role that institution does not have. The route list comes from the
// OpenAPI document, so a new route is covered without editing this test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTRY } from '../../../local/registry.ts';
import { startLocalDynamo, type LocalDynamo } from '../../support/dynalite.ts';
import { bearer, consoleApp, testIssuer, token, type TestIssuer } from './support.ts';

let dynamo: LocalDynamo;
let good: TestIssuer;
let other: TestIssuer;
let app: ReturnType<typeof consoleApp>;
let routes: { method: string; path: string }[];

beforeAll(async () => {
  dynamo = await startLocalDynamo();
  good = await testIssuer();
  other = await testIssuer();
  app = consoleApp(dynamo.db, REGISTRY, good.issuer);
  const doc = (await (await app.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, { security?: unknown[] }>>;
  };
  routes = Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([, operation]) => (operation.security ?? []).length > 0)
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        path: path.replace('{applicationId}', 'FJ-P01-2026-0101'),
        operation,
      })),
  );
});
afterAll(async () => dynamo.stop());

const judge = { institution: 'FJ-LY-ZY', role: 'JUDGE' };

describe('console API sign-in', () => {
  it('the OpenAPI document lists the signed-in routes', () => {
    expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'GET /api/access',
      'GET /api/assessment',
      'GET /api/assessment/months',
      'GET /api/assessment/report.csv',
      'GET /api/assessment/report.pdf',
      'GET /api/cases',
      'GET /api/cases/FJ-P01-2026-0101',
      'GET /api/cases/FJ-P01-2026-0101/revision',
      'GET /api/drafts/dossier',
      'GET /api/drafts/status',
      'GET /api/me',
      'GET /api/operations/dead-letters',
      'GET /api/operations/dead-letters/{queue}',
      'GET /api/rejection',
      'GET /api/rejections',
      'GET /api/requests',
      'POST /api/messages',
      'POST /api/messages/outcome',
      'POST /api/operations/dead-letters/{queue}/redrive',
    ]);
  });

  const broken: [string, () => Promise<string | undefined>][] = [
    ['no token', async () => undefined],
    ['a token that is not a JWT', async () => 'not-a-token'],
    ['an expired token', () => token(good, judge, { expiresAt: Math.floor(Date.now() / 1000) - 120 })],
    ['a token signed by another key', () => token({ kid: good.kid, privateKey: other.privateKey }, judge)],
    ['a token for another audience', () => token(good, judge, { audience: 'another-app' })],
    ['a token of another issuer', () => token(good, judge, { issuer: 'https://evil.test' })],
    ['a token naming an unregistered institution', () => token(good, { institution: 'XX-NOPE', role: 'JUDGE' })],
    ['a token with a role the institution does not have', () => token(good, { institution: 'FJ-P01', role: 'JUDGE' })],
    [
      'a provincial administrator of a province with no institution',
      () => token(good, { institution: 'XZ', role: 'PROVINCIAL_ADMIN' }),
    ],
  ];

  for (const [what, make] of broken) {
    it(`every route answers 401 to ${what}, and says nothing else`, async () => {
      const value = await make();
      for (const route of routes) {
        const response = await app.request(route.path, { method: route.method, ...(value ? bearer(value) : {}) });
        expect(response.status, `${route.method} ${route.path}`).toBe(401);
        expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
        const body = (await response.json()) as Record<string, unknown>;
        expect(Object.keys(body)).toEqual(['error']);
      }
    });
  }

  it('the same routes answer a valid token (200, 404 for a case that is not there, 400 naming missing input)', async () => {
    const value = await token(good, judge);
    for (const route of routes) {
      const response = await app.request(route.path, { method: route.method, ...bearer(value) });
      // The operators' redrive takes no input; for a judge it is simply not there (404).
      const needsInput =
        (route.method === 'POST' && !route.path.startsWith('/api/operations/')) ||
        /\/api\/(drafts\/|rejection$|assessment\/)/.test(route.path);
      if (!needsInput) expect([200, 404], `${route.method} ${route.path}`).toContain(response.status);
      else {
        expect(response.status, `${route.method} ${route.path}`).toBe(400);
        expect(((await response.json()) as { problems: unknown[] }).problems.length).toBeGreaterThan(0);
      }
    }
  });

  it('a query parameter that fails its schema is a 400 naming the parameter', async () => {
    const response = await app.request('/api/cases?limit=1000&decision=MAYBE', bearer(await token(good, judge)));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { problems: { path: string }[] };
    expect(body.problems.map((p) => p.path).sort()).toEqual(['decision', 'limit']);
  });
});
