// The service operators' page (role OPERATOR at the registry's service id): what sits in each
// dead-letter queue, why it failed, and a redrive to its source queue that is safe to run twice.
// The same operations as `linkage dlq` (shared/operations/dead-letters.ts). Anyone else, and a
// deployment without queue access, gets 404.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import * as z from 'zod';
import {
  listDeadLetterQueues,
  redriveDeadLetters,
  selectQueues,
  showDeadLetters,
} from '../../shared/operations/dead-letters.ts';
import type { ConsoleDependencies } from '../dependencies.ts';
import { NOT_FOUND, type ConsoleEnv } from '../http.ts';
import { problemBody } from '../schemas.ts';
import { maskMessageBody } from '../views/masking.ts';
import { json, security, signedInResponses } from './common.ts';

const depth = z.object({ source: z.string(), dlq: z.string(), messages: z.number() });
const deadLetter = z.object({
  sqsMessageId: z.string(),
  body: z.string(),
  sentAt: z.string().optional(),
  sqsSenderId: z.string().optional(),
  envelope: z
    .object({ schema: z.string().optional(), messageId: z.string().optional(), senderId: z.string().optional() })
    .optional(),
  lastError: z
    .object({
      queue: z.string(),
      sqsMessageId: z.string(),
      errorName: z.string(),
      errorMessage: z.string(),
      receiveCount: z.number(),
      failedAt: z.string(),
      functionName: z.string(),
    })
    .optional(),
});
const queueParam = z.object({ queue: z.string().min(1).max(200) });
const notFound = { 404: json(problemBody, 'Not an operator, or no such queue') };

const listRoute = createRoute({
  method: 'get',
  path: '/api/operations/dead-letters',
  summary: 'How many messages each dead-letter queue holds (operators only)',
  security,
  responses: { 200: json(z.object({ queues: z.array(depth) }), 'Every queue'), ...signedInResponses, ...notFound },
});
const showRoute = createRoute({
  method: 'get',
  path: '/api/operations/dead-letters/{queue}',
  summary: "One source queue's dead letters with the last error of each (they stay in the DLQ)",
  security,
  request: { params: queueParam },
  responses: {
    200: json(z.object({ source: z.string(), dlq: z.string(), messages: z.array(deadLetter) }), 'Dead letters'),
    ...signedInResponses,
    ...notFound,
  },
});
const redriveRoute = createRoute({
  method: 'post',
  path: '/api/operations/dead-letters/{queue}/redrive',
  summary: 'Move every dead letter of a queue back to it; a second run finds nothing to move',
  security,
  request: { params: queueParam },
  responses: {
    200: json(
      z.object({
        source: z.string(),
        dlq: z.string(),
        moved: z.number(),
        failed: z.number(),
        /** Inbound messages whose original sender the ingest would reject: left in the DLQ. */
        refused: z.number(),
      }),
      'What was moved',
    ),
    ...signedInResponses,
    ...notFound,
  },
});

export function registerOperationsRoutes(app: OpenAPIHono<ConsoleEnv>, deps: ConsoleDependencies): void {
  const access = deps.operations;
  const operator = (kind: string) => access !== undefined && kind === 'SERVICE';
  /** The service queue (by its name) an operator named, if any. */
  const queueNamed = (name: string) =>
    access ? selectQueuesOrNone(() => selectQueues(access, name)).find((q) => q.name === name) : undefined;

  app.openapi(listRoute, async (c) => {
    if (!operator(c.get('principal').kind) || !access) return c.json(NOT_FOUND, 404);
    return c.json({ queues: await listDeadLetterQueues(access) }, 200);
  });
  app.openapi(showRoute, async (c) => {
    const queue = queueNamed(c.req.valid('param').queue);
    if (!operator(c.get('principal').kind) || !access || !queue) return c.json(NOT_FOUND, 404);
    const messages = await showDeadLetters(access, queue, MAX_SHOWN);
    // Operators see no identities: names and identity numbers in the bodies are masked.
    const masked = messages.map((m) => ({ ...m, body: maskMessageBody(m.body) }));
    return c.json({ source: queue.name, dlq: queue.dlqName, messages: masked }, 200);
  });
  app.openapi(redriveRoute, async (c) => {
    const principal = c.get('principal');
    const queue = queueNamed(c.req.valid('param').queue);
    if (!operator(principal.kind) || !access || !queue) return c.json(NOT_FOUND, 404);
    const result = await redriveDeadLetters(access, queue);
    // Who moved what, by id only: no message body reaches the log.
    const refused = result.refused.length;
    console.info(
      JSON.stringify({ event: 'redrive', by: principal.username, queue: queue.name, moved: result.moved, refused }),
    );
    return c.json({ source: result.source, dlq: result.dlq, moved: result.moved, failed: result.failed, refused }, 200);
  });
}

/** A page shows at most this many dead letters of one queue (the CLI shows more). */
const MAX_SHOWN = 100;

function selectQueuesOrNone<T>(select: () => T[]): T[] {
  try {
    return select();
  } catch {
    return [];
  }
}
