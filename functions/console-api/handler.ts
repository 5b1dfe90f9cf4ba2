// The console API on Lambda behind API Gateway: the same Hono app as `npm start`, with tokens
// verified against the operator's OpenID Connect provider (any issuer: the courts' unified
// identity system, a Keycloak, or a Cognito user pool where there is one).
// Environment: STAGE, QUEUE_URL_BASE (the inbound queues users' messages go to), CASES_TABLE, DECISIONS_TABLE, ACCESS_TABLE, QUARANTINE_TABLE, OIDC_ISSUER,
// OIDC_AUDIENCE, OIDC_JWKS_URI, OIDC_CLIENT_ID; optional OIDC_INSTITUTION_CLAIM, OIDC_ROLE_CLAIM
// (default institution, role), OIDC_SCOPE (default "openid profile"), CONSOLE_STATIC_DIR (private deployments: the function also
// serves the web pages bundled beside it).
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { createConsoleApp } from '../../api/app.ts';
import { DEFAULT_CLAIMS } from '../../api/auth/principal.ts';
import { createVerifier, remoteKeys } from '../../api/auth/verifier.ts';
import { REGISTRY } from '../../shared/pipeline/registry.ts';
import { createDocumentClient } from '../../shared/storage/clients.ts';
import { SQSClient } from '@aws-sdk/client-sqs';
import { sqsOutbox } from '../../api/write/outbox.ts';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is missing`);
  return value;
}

function build() {
  const issuer = required('OIDC_ISSUER');
  const audience = required('OIDC_AUDIENCE');
  const api = createConsoleApp({
    db: createDocumentClient(),
    tables: {
      cases: required('CASES_TABLE'),
      decisions: required('DECISIONS_TABLE'),
      access: required('ACCESS_TABLE'),
      quarantine: required('QUARANTINE_TABLE'),
    },
    registry: REGISTRY,
    verifier: createVerifier({
      issuer,
      audience,
      keys: remoteKeys(required('OIDC_JWKS_URI')),
      registry: REGISTRY,
      claims: {
        institution: process.env.OIDC_INSTITUTION_CLAIM || DEFAULT_CLAIMS.institution,
        role: process.env.OIDC_ROLE_CLAIM || DEFAULT_CLAIMS.role,
      },
    }),
    now: Date.now,
    signIn: {
      mode: 'oidc',
      issuer,
      clientId: required('OIDC_CLIENT_ID'),
      ...(process.env.OIDC_SCOPE ? { scope: process.env.OIDC_SCOPE } : {}),
    },
    outbox: sqsOutbox(new SQSClient({}), {
      stage: required('STAGE'),
      queueUrlBase: required('QUEUE_URL_BASE').replace(/\/+$/, ''),
    }),
  });
  const root = new Hono();
  root.route('/', api);
  const staticDir = process.env.CONSOLE_STATIC_DIR;
  if (!staticDir) return root;
  root.all('/api/*', (c) => c.json({ error: 'not found' }, 404));
  root.use('/*', serveStatic({ root: staticDir }));
  root.get('*', serveStatic({ root: staticDir, path: 'index.html' }));
  return root;
}

export const handler = handle(build());
