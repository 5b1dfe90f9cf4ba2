// The console's write side. POST /api/messages puts a contract message on the caller's own
// inbound queue (sender from the token, never the request; only the schema of the caller's
// kind of institution); POST /api/messages/outcome says whether the ingest accepted it;
// GET /api/drafts/* pre-fill the forms; GET /api/rejection gives back a refused message's text.
// Identity numbers go out masked to the roles that do not see them (views/masking.ts); a status
// form then names where the service takes the full number from (write/subject.ts).
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import * as z from 'zod';
import { getApplicationLookup } from '../../shared/storage/application-store.ts';
import { showQuarantined } from '../../shared/operations/quarantine.ts';
import { referenceProblems } from '../../shared/pipeline/inbound/authenticate.ts';
import { loadPrisoner } from '../../shared/storage/prisoner-store.ts';
import type { ConsoleDependencies } from '../dependencies.ts';
import { NOT_FOUND, type ConsoleEnv } from '../http.ts';
import { problemBody } from '../schemas.ts';
import { maskMessageBody, maskPersonId, prisonerFor, seesIdentity } from '../views/masking.ts';
import { maySeeCase } from '../views/scope.ts';
import { dossierDraft, statusDraft } from '../write/drafts.ts';
import { SENDABLE_SCHEMAS, buildMessage, schemaOfKind } from '../write/envelope.ts';
import { outcomeOf, receiptOf } from '../write/outcome.ts';
import { storedVersionFor } from '../write/resend.ts';
import { needsPersonId, personIdOf, statusSubject } from '../write/subject.ts';
import { json, security, signedInResponses } from './common.ts';

/** Keys of the envelope a request may not set: the service sets them. */
const SERVICE_SET = ['sender', 'messageId', 'sentAt'] as const;

const submissionRequest = z.looseObject({
  schema: z.enum(SENDABLE_SCHEMAS, { error: `must be one of ${SENDABLE_SCHEMAS.join(', ')}` }),
  body: z.record(z.string(), z.unknown(), { error: 'must be the message body, a JSON object' }),
  /** A status whose identity number the form showed masked: where the service takes it from. */
  subject: statusSubject.optional(),
});

const sent = z.object({ messageId: z.string(), receipt: z.string() });
const outcome = z.object({
  state: z.enum(['accepted', 'rejected', 'stale', 'pending']),
  sentVersion: z.number().optional(),
  storedVersion: z.number().optional(),
  ref: z.string().optional(),
  reason: z.string().optional(),
  problems: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

const sendRoute = createRoute({
  method: 'post',
  path: '/api/messages',
  summary: 'Send a message as the signed-in institution (to its own inbound queue; sender from the token)',
  security,
  request: { body: { content: { 'application/json': { schema: submissionRequest } }, required: true } },
  responses: {
    202: json(sent, 'On the queue; poll /api/messages/outcome with the receipt'),
    403: json(problemBody, 'This institution does not send this kind of message'),
    404: json(problemBody, 'A ruling on an application this court does not hear'),
    ...signedInResponses,
    400: json(problemBody, 'The request or the message fails the contract; each problem names its field'),
  },
});

const outcomeRoute = createRoute({
  method: 'post',
  path: '/api/messages/outcome',
  summary: 'Whether the ingest accepted or rejected a message this institution sent',
  security,
  request: {
    body: { content: { 'application/json': { schema: z.strictObject({ receipt: z.string().max(2000) }) } } },
  },
  responses: {
    200: json(
      outcome,
      'accepted, rejected (with problems), stale (the same or a newer version was stored already: no change) or pending',
    ),
    ...signedInResponses,
    400: json(problemBody, 'Not a receipt'),
  },
});

const statusDraftRoute = createRoute({
  method: 'get',
  path: '/api/drafts/status',
  summary: "An enforcing court's next status of one item, pre-filled (last status, version + 1)",
  security,
  request: {
    query: z.strictObject({
      applicationId: z.string().min(1).max(128),
      judgmentId: z.string().min(1).max(128),
      itemNo: z.coerce.number().int().min(1).optional(),
      requestId: z.string().min(1).max(128).optional(),
    }),
  },
  responses: {
    200: json(
      z.object({
        body: z.record(z.string(), z.unknown()),
        itemNos: z.array(z.number()),
        subject: z.object({ applicationId: z.string() }),
        prisoner: z.object({ prisonerNo: z.string(), name: z.string(), personId: z.string(), masked: z.boolean() }),
      }),
      "The draft body (identity number masked), the judgment's item numbers, the subject to send it with, and the prisoner as this role may see them",
    ),
    404: json(problemBody, 'Not an item this court enforces'),
    ...signedInResponses,
  },
});

const dossierDraftRoute = createRoute({
  method: 'get',
  path: '/api/drafts/dossier',
  summary: "A prison's next version of a dossier (the stored one, version + 1): the supplement",
  security,
  request: { query: z.strictObject({ applicationId: z.string().min(1).max(128) }) },
  responses: {
    200: json(z.object({ body: z.record(z.string(), z.unknown()) }), 'The draft body'),
    404: json(problemBody, "Not this prison's application"),
    ...signedInResponses,
  },
});

const rejectionRoute = createRoute({
  method: 'get',
  path: '/api/rejection',
  summary: 'One refused message of this institution, with its original text (from quarantine)',
  security,
  request: { query: z.strictObject({ ref: z.string().min(1).max(300) }) },
  responses: {
    200: json(
      z.object({
        ref: z.string(),
        receivedAt: z.string(),
        reason: z.string(),
        problems: z.array(z.object({ path: z.string(), message: z.string() })),
        raw: z.string().nullable(),
        storedVersion: z.number().nullable(),
      }),
      'The rejection, the text as received (identity numbers masked for the roles that do not see them), and the version stored since under its key (a resend needs a newer one)',
    ),
    404: json(problemBody, 'No such rejection of this institution'),
    ...signedInResponses,
  },
});

export function registerMessageRoutes(app: OpenAPIHono<ConsoleEnv>, deps: ConsoleDependencies): void {
  app.openapi(sendRoute, async (c) => {
    const principal = c.get('principal');
    const request = c.req.valid('json');
    const forged = SERVICE_SET.filter((key) => key in request);
    if (forged.length > 0)
      return c.json(
        {
          error: 'invalid request',
          problems: forged.map((key) => ({
            path: key,
            message: 'is set by the service from your sign-in; do not send it',
          })),
        },
        400,
      );
    const mine = schemaOfKind(principal.kind);
    if (request.schema !== mine)
      return c.json(
        {
          error: `a ${principal.kind} sends ${mine ?? 'no messages'}, not ${request.schema}`,
          problems: [{ path: 'schema', message: `must be ${mine ?? '(none)'} for ${principal.institutionId}` }],
        },
        403,
      );
    let body = request.body;
    if (request.subject) {
      if (request.schema !== 'linkage.enforcement-status.v1')
        return c.json(
          { error: 'invalid request', problems: [{ path: 'subject', message: 'applies only to a status' }] },
          400,
        );
      if (needsPersonId(body.personId)) {
        const personId = await personIdOf(
          deps.db,
          deps.tables,
          principal.institutionId,
          request.subject,
          body.judgmentId,
        );
        if (!personId) return c.json(NOT_FOUND, 404);
        body = { ...body, personId };
      }
    }
    const built = buildMessage(principal, { schema: request.schema, body }, deps.now());
    if (!built.ok) return c.json({ error: 'invalid message', problems: built.problems }, 400);
    const message = built.message;
    // What the ingest would refuse before its version guard, refused here (so a form knows at once,
    // and an outcome of "stale" is certain: write/outcome.ts).
    const references = referenceProblems(message, deps.registry);
    if (references.length > 0) return c.json({ error: 'invalid message', problems: references }, 400);
    if (message.schema === 'linkage.ruling.v1') {
      // A court rules only on applications it hears; any other answers as if there were none.
      const lookup = await getApplicationLookup(deps.db, deps.tables.cases, message.body.applicationId);
      const prisoner = lookup ? await loadPrisoner(deps.db, deps.tables.cases, lookup.personId) : undefined;
      const application = prisoner?.applications.find((a) => a.applicationId === message.body.applicationId);
      if (!application || !maySeeCase(principal, application, deps.registry)) return c.json(NOT_FOUND, 404);
    }
    if (!deps.outbox) return c.json({ error: 'this deployment accepts no messages from the console' }, 403);
    await deps.outbox(principal.institutionId, JSON.stringify(message));
    return c.json({ messageId: message.messageId, receipt: receiptOf(message) }, 202);
  });

  app.openapi(outcomeRoute, async (c) => {
    const principal = c.get('principal');
    const { receipt } = c.req.valid('json');
    const result = await outcomeOf(deps.db, deps.tables, principal.institutionId, receipt);
    if (!result)
      return c.json({ error: 'invalid request', problems: [{ path: 'receipt', message: 'is not a receipt' }] }, 400);
    return c.json(result, 200);
  });

  app.openapi(statusDraftRoute, async (c) => {
    const principal = c.get('principal');
    const query = c.req.valid('query');
    if (principal.kind !== 'ENFORCING_COURT') return c.json(NOT_FOUND, 404);
    const lookup = await getApplicationLookup(deps.db, deps.tables.cases, query.applicationId);
    if (!lookup) return c.json(NOT_FOUND, 404);
    const prisoner = await loadPrisoner(deps.db, deps.tables.cases, lookup.personId);
    const application = prisoner.applications.find((a) => a.applicationId === query.applicationId);
    if (!application) return c.json(NOT_FOUND, 404);
    const itemNos =
      application.dossier.judgments.find((j) => j.judgmentId === query.judgmentId)?.items.map((i) => i.itemNo) ?? [];
    const body = statusDraft(
      principal.institutionId,
      application,
      prisoner,
      query.judgmentId,
      query.itemNo ?? itemNos[0] ?? 1,
      deps.now(),
      query.requestId,
    );
    if (!body) return c.json(NOT_FOUND, 404);
    const shown = seesIdentity(principal.kind) ? body : { ...body, personId: maskPersonId(body.personId) };
    return c.json(
      {
        body: shown,
        itemNos,
        subject: { applicationId: query.applicationId },
        prisoner: prisonerFor(principal.kind, application.dossier.prisoner),
      },
      200,
    );
  });

  app.openapi(dossierDraftRoute, async (c) => {
    const principal = c.get('principal');
    const { applicationId } = c.req.valid('query');
    const lookup = await getApplicationLookup(deps.db, deps.tables.cases, applicationId);
    if (principal.kind !== 'PRISON' || !lookup || lookup.prisonId !== principal.institutionId)
      return c.json(NOT_FOUND, 404);
    const prisoner = await loadPrisoner(deps.db, deps.tables.cases, lookup.personId);
    const application = prisoner.applications.find((a) => a.applicationId === applicationId);
    return application ? c.json({ body: dossierDraft(application, deps.now()) }, 200) : c.json(NOT_FOUND, 404);
  });

  app.openapi(rejectionRoute, async (c) => {
    const principal = c.get('principal');
    const { ref } = c.req.valid('query');
    const entry = await showQuarantined(deps.db, deps.tables.quarantine, ref);
    if (!entry || entry.queueOwnerId !== principal.institutionId) return c.json(NOT_FOUND, 404);
    const raw = entry.raw ?? null;
    return c.json(
      {
        ref,
        receivedAt: entry.receivedAt,
        reason: entry.reason,
        problems: [...entry.problems],
        raw: raw === null || seesIdentity(principal.kind) ? raw : maskMessageBody(raw),
        storedVersion: raw === null ? null : await storedVersionFor(deps.db, deps.tables.cases, raw),
      },
      200,
    );
  });
}
