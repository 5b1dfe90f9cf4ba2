// The console on this machine: the API (with the local OpenID issuer and the local users of
// the data folder) and the built web pages, on http://127.0.0.1:<port>. Builds the pages
// first when console/dist is missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { createConsoleApp } from '../api/app.ts';
import { issuerKeyFileIn, localIssuer } from '../api/auth/local-issuer.ts';
import { UserStore, usersFileIn } from '../api/auth/user-store.ts';
import { createVerifier, remoteKeys } from '../api/auth/verifier.ts';
import type { Registry } from '../shared/resources/registry.ts';
import { tableName } from '../shared/resources/tables.ts';
import { createDocumentClient } from '../shared/storage/clients.ts';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { OperatorAccess } from '../shared/operations/dead-letters.ts';
import { queueUrl } from '../shared/queues/queue-urls.ts';
import { sqsOutbox } from '../api/write/outbox.ts';

export const CONSOLE_DIST = fileURLToPath(new URL('../console/dist/', import.meta.url));

/** An OpenID Connect provider the console trusts (as on AWS); its ID tokens' audience is the client id. */
export interface ExternalIssuer {
  readonly issuer: string;
  readonly jwksUri: string;
  readonly clientId: string;
  readonly scope?: string;
}

export interface ConsoleServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** Runs `npm run console:build` when the built pages are missing; throws if the build fails. */
export function ensureConsoleBuilt(log: (line: string) => void = () => undefined): void {
  if (existsSync(`${CONSOLE_DIST}index.html`)) return;
  log('Building the console pages (first start; about 30 s)...');
  const root = fileURLToPath(new URL('..', import.meta.url));
  const result = spawnSync('npm', ['run', '--silent', 'console:build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run console:build failed');
}

export async function startConsoleServer(options: {
  dataDir: string;
  stage: string;
  dynamodb: DynamoDBClient;
  registry: Registry;
  port?: number;
  /** Sign in with this OpenID Connect provider instead of the local issuer and its users. */
  oidc?: ExternalIssuer;
  /**
   * The local service's queues: what users submit goes to their inbound queues, and operators
   * get the dead-letter page. Absent: the console only reads.
   */
  queues?: { readonly sqs: SQSClient; readonly queueUrlBase: string };
}): Promise<ConsoleServer> {
  // The issuer URL needs the port, known only once listening: the app is set after that.
  const current: { handler?: (request: Request) => Response | Promise<Response> } = {};
  const server: ServerType = await new Promise((resolve) => {
    const s = serve(
      {
        fetch: (request) => (current.handler ? current.handler(request) : new Response('starting', { status: 503 })),
        hostname: '127.0.0.1',
        port: options.port ?? 0,
      },
      () => resolve(s),
    );
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const api = createConsoleApp({
    db: createDocumentClient(options.dynamodb),
    tables: {
      cases: tableName(options.stage, 'cases'),
      decisions: tableName(options.stage, 'decisions'),
      access: tableName(options.stage, 'access'),
      quarantine: tableName(options.stage, 'quarantine'),
      assessment: tableName(options.stage, 'assessment'),
    },
    registry: options.registry,
    now: Date.now,
    // Chromium is on this machine (not in the API's Lambda): the console's PDF report is local only.
    reportPdf: async (figures, month) => (await import('./report-pdf.ts')).renderPdfReport(figures, month),
    ...(options.queues
      ? {
          operations: operatorAccessOf(options, options.queues),
          outbox: sqsOutbox(options.queues.sqs, { stage: options.stage, queueUrlBase: options.queues.queueUrlBase }),
        }
      : {}),
    ...(options.oidc ? externalSignIn(options.oidc, options.registry) : await localSignIn(url, options)),
  });
  const root = new Hono();
  root.route('/', api);
  root.all('/api/*', (c) => c.json({ error: 'not found' }, 404));
  root.use('/assets/*', serveStatic({ root: CONSOLE_DIST }));
  root.use('/*', serveStatic({ root: CONSOLE_DIST }));
  // Any other page path is a route of the single-page application.
  root.get('*', serveStatic({ root: CONSOLE_DIST, path: 'index.html' }));
  current.handler = root.fetch;
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Browsers keep connections open; the service is stopping, so end them.
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

/** Tokens from the local issuer, for the users of the data folder (`linkage users add`). */
async function localSignIn(url: string, options: { dataDir: string; registry: Registry }) {
  const issuer = await localIssuer(`${url}/auth`, issuerKeyFileIn(options.dataDir));
  return {
    verifier: createVerifier({
      issuer: issuer.issuer,
      audience: issuer.audience,
      keys: issuer.keys,
      registry: options.registry,
    }),
    signIn: { mode: 'password' as const, issuer: issuer.issuer },
    local: { issuer, users: new UserStore(usersFileIn(options.dataDir)) },
  };
}

/** Tokens from an external OpenID Connect provider, verified against its key set. */
function externalSignIn(oidc: ExternalIssuer, registry: Registry) {
  return {
    verifier: createVerifier({
      issuer: oidc.issuer,
      audience: oidc.clientId,
      keys: remoteKeys(oidc.jwksUri),
      registry,
    }),
    signIn: {
      mode: 'oidc' as const,
      issuer: oidc.issuer,
      clientId: oidc.clientId,
      ...(oidc.scope ? { scope: oidc.scope } : {}),
    },
  };
}

/** What the operators' page works on: the local service's queues and its quarantine table. */
function operatorAccessOf(
  options: { stage: string; dynamodb: DynamoDBClient; registry: Registry },
  queues: { sqs: SQSClient; queueUrlBase: string },
): OperatorAccess {
  return {
    sqs: queues.sqs,
    db: createDocumentClient(options.dynamodb),
    stage: options.stage,
    registry: options.registry,
    quarantineTable: tableName(options.stage, 'quarantine'),
    queueUrl: async (name) => queueUrl({ queueUrlBase: queues.queueUrlBase }, name),
  };
}
