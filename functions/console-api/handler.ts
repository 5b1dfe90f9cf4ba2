// The console API on Lambda behind API Gateway: the same Hono app as `npm start`, with tokens
// verified against the operator's OpenID Connect provider (any issuer: the courts' unified
// identity system, a Keycloak, or a Cognito user pool where there is one).
// Environment: STAGE, QUEUE_URL_BASE (the inbound queues users' messages go to), REDRIVE_ROLE_ARN
// (the role the operators' dead-letter page works as), CONSOLE_SENDER_ROLE_ARN (the role users' submissions are sent as), CASES_TABLE, DECISIONS_TABLE, ACCESS_TABLE, QUARANTINE_TABLE, ASSESSMENT_TABLE, OIDC_ISSUER,
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
import { STSClient } from '@aws-sdk/client-sts';
import { sqsOutbox } from '../../api/write/outbox.ts';
import type { OperatorAccess } from '../../shared/operations/dead-letters.ts';
import { assumedRole } from '../../shared/operations/redrive-identity.ts';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is missing`);
  return value;
}

/**
 * The operators' dead-letter page works as the service's redrive role (assumed, session
 * `console-api`): the function's own role can only assume it. Its re-sent inbound messages are
 * the ones the ingest judges by their original SenderId (docs/operations.md).
 */
function operatorAccess(db: OperatorAccess['db'], sts: STSClient, stage: string, queueUrlBase: string): OperatorAccess {
  const redrive = assumedRole(sts, required('REDRIVE_ROLE_ARN'), 'console-api');
  return {
    sqs: new SQSClient({ credentials: redrive.credentials }),
    db,
    stage,
    registry: REGISTRY,
    quarantineTable: required('QUARANTINE_TABLE'),
    queueUrl: async (name) => `${queueUrlBase}/${name}`,
    whoAmI: redrive.whoAmI,
  };
}

function build() {
  const issuer = required('OIDC_ISSUER');
  const audience = required('OIDC_AUDIENCE');
  const stage = required('STAGE');
  const queueUrlBase = required('QUEUE_URL_BASE').replace(/\/+$/, '');
  const db = createDocumentClient();
  const sts = new STSClient({});
  const api = createConsoleApp({
    db,
    tables: {
      cases: required('CASES_TABLE'),
      decisions: required('DECISIONS_TABLE'),
      access: required('ACCESS_TABLE'),
      quarantine: required('QUARANTINE_TABLE'),
      assessment: required('ASSESSMENT_TABLE'),
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
    // Sent as the console-sender role: the ingest accepts its SenderId for the queue's owner.
    outbox: sqsOutbox(
      new SQSClient({
        credentials: assumedRole(sts, required('CONSOLE_SENDER_ROLE_ARN'), 'console-api').credentials,
      }),
      { stage, queueUrlBase },
    ),
    operations: operatorAccess(db, sts, stage, queueUrlBase),
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
