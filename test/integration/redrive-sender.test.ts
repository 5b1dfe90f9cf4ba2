// Redriving an inbound dead letter of an institution that registered its role id, through the
// real ingest path in local mode. fauxqs reports every SenderId as 000000000000, so this test
// gives SQS's behaviour back: each client stands for one principal, and what SQS would report
// as a message's SenderId is the principal of the client that sent it (recorded from the send's
// reply, by SQS message id; a dead-lettered message keeps its id), never anything in the message.
// The redrive sends as the service's redrive role (REDRIVE_PRINCIPAL_ID, as the CDK stack sets
// it on the ingest functions); a message it relays for the court is accepted, forged ones are
// rejected and quarantined, one whose original sender fails the check stays in the DLQ, and a
// second redrive changes nothing. A message the console-sender role sends (CONSOLE_SENDER_PRINCIPAL_ID)
// is accepted for the court.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SendMessageCommand, SQSClient, type MessageAttributeValue } from '@aws-sdk/client-sqs';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import registryJson from '../../config/institutions.json' with { type: 'json' };
import { LOCAL_CREDENTIALS } from '../../local/environment.ts';
import { inboundQueue } from '../../shared/resources/queues.ts';
import { tableName } from '../../shared/resources/tables.ts';
import { statusKey } from '../../shared/storage/keys.ts';

/** The enforcing court of the first known status (checked below). */
const COURT = 'FJ-LY-XL';
const COURT_ROLE = 'AROAEXAMPLECOURT0001';
const OTHER_ROLE = 'AROAEXAMPLEOTHER0001';
const REDRIVE = 'AROAEXAMPLEREDRIVE01';
const CONSOLE_SENDER = 'AROAEXAMPLECSENDER01';
const OTHER = registryJson.institutions.find((i) => i.kind === 'ENFORCING_COURT' && i.id !== COURT)!.id;

// The registry and the redrive role's id are read when the modules that use them load: set
// them first, and import those modules only then.
const folder = mkdtempSync(join(tmpdir(), 'linkage-redrive-sender-'));
const registryFile = join(folder, 'registry.json');
writeFileSync(
  registryFile,
  JSON.stringify({
    ...registryJson,
    institutions: registryJson.institutions.map((i) =>
      i.id === COURT
        ? { ...i, rolePrincipalId: COURT_ROLE }
        : i.id === OTHER
          ? { ...i, rolePrincipalId: OTHER_ROLE }
          : i,
    ),
  }),
);
process.env.LINKAGE_REGISTRY_FILE = registryFile;
process.env.REDRIVE_PRINCIPAL_ID = REDRIVE;
process.env.CONSOLE_SENDER_PRINCIPAL_ID = CONSOLE_SENDER;
const { documentClient, EXTERNAL, startTestService } = await import('./harness.ts');
const { dynamoClient } = await import('../../shared/pipeline/runtime.ts');
const { rejectionsIn } = await import('../../local/demo/outbox.ts');
const { listDeadLetterQueues, redriveDeadLetters, selectQueues } =
  await import('../../shared/operations/dead-letters.ts');
const { REGISTRY } = await import('../../local/registry.ts');
const { listQuarantine } = await import('../../shared/operations/quarantine.ts');
const { ORIGINAL_SENDER_ATTRIBUTE } = await import('../../shared/pipeline/inbound/relayed-sender.ts');
const { DemoClock } = await import('../../local/demo/messages.ts');
const { knownStatuses } = await import('../../local/demo/scenario.ts');
const status = knownStatuses(new DemoClock(Date.now()))[0]!;

type Next = (args: { input: Record<string, unknown> }) => Promise<{ output: Record<string, unknown> }>;
type Middleware = (next: Next, context: { commandName?: string }) => Next;
interface MiddlewareStack {
  add(mw: Middleware, options: Record<string, unknown>): void;
  remove(name: string): boolean;
}
const stackOf = (client: { middlewareStack: unknown }) => client.middlewareStack as MiddlewareStack;

/**
 * SQS message id → the SenderId SQS would report for it. A long poll can hand a message out
 * before its send's reply is back, so the body (unique per send here) stands in until then.
 */
const senderIds = new Map<string, string>();
const pendingByBody = new Map<string, string>();

/** A client whose sends SQS attributes to `senderId` (as SQS does from the caller's credentials). */
function clientOf(test: Awaited<ReturnType<typeof startTestService>>, senderId: string): SQSClient {
  const { endpoints } = test.service;
  const client = new SQSClient({
    region: endpoints.region,
    endpoint: endpoints.sqsEndpoint,
    credentials: LOCAL_CREDENTIALS,
  });
  stackOf(client).add(
    (next, context) => async (args) => {
      const input = args.input as { MessageBody?: string; Entries?: { MessageBody?: string }[] };
      for (const body of [input.MessageBody, ...(input.Entries ?? []).map((e) => e.MessageBody)])
        if (body !== undefined) pendingByBody.set(body, senderId);
      const result = await next(args);
      const out = result.output as { MessageId?: string; Successful?: { MessageId?: string }[] };
      if (context.commandName === 'SendMessageCommand' && out.MessageId) senderIds.set(out.MessageId, senderId);
      if (context.commandName === 'SendMessageBatchCommand')
        for (const s of out.Successful ?? []) if (s.MessageId) senderIds.set(s.MessageId, senderId);
      return result;
    },
    { step: 'initialize', name: 'recordSender' },
  );
  reportSenders(client);
  return client;
}

/** Receives report each message's SenderId as SQS would. */
function reportSenders(client: SQSClient): void {
  stackOf(client).add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (context.commandName !== 'ReceiveMessageCommand') return result;
      const out = result.output as {
        Messages?: { MessageId?: string; Body?: string; Attributes?: Record<string, string> }[];
      };
      for (const m of out.Messages ?? []) {
        const sender = senderIds.get(m.MessageId ?? '') ?? pendingByBody.get(m.Body ?? '');
        if (sender) m.Attributes = { ...m.Attributes, SenderId: sender };
      }
      return result;
    },
    { step: 'initialize', name: 'reportSender' },
  );
}

let test: Awaited<ReturnType<typeof startTestService>>;
const clients: SQSClient[] = [];

beforeAll(async () => {
  // Failed records come back after 1 s, so maxReceiveCount (4) is reached within the test.
  test = await startTestService({ runner: { failedVisibilitySeconds: 1 } });
  // The runner's receives (the event source) see the SenderIds, once the long polls already
  // under way (2 s, the harness's wait time) have ended.
  reportSenders(test.service.clients.sqs);
  await new Promise((resolve) => setTimeout(resolve, 2500));
});

afterAll(async () => {
  stackOf(dynamoClient).remove('redriveSenderBug');
  for (const c of clients) c.destroy();
  await test?.stop();
  rmSync(folder, { recursive: true, force: true });
  delete process.env.LINKAGE_REGISTRY_FILE;
  delete process.env.REDRIVE_PRINCIPAL_ID;
  delete process.env.CONSOLE_SENDER_PRINCIPAL_ID;
});

describe.skipIf(EXTERNAL)('redriving an inbound message of an institution with a registered role', () => {
  it('accepts the relayed original, rejects forged relays, leaves a foreign sender in the DLQ, and a second redrive changes nothing', async () => {
    expect(status.sender.id).toBe(COURT);
    expect(REGISTRY.institutions.find((i) => i.id === COURT)?.rolePrincipalId).toBe(COURT_ROLE);
    const { stage, queueUrlBase } = test.service.endpoints;
    const inbound = inboundQueue(stage, COURT);
    const casesTable = tableName(stage, 'cases');
    const key = statusKey(status.body.personId, status.body.judgmentId, status.body.itemNo);
    const as = (senderId: string) => {
      const c = clientOf(test, senderId);
      clients.push(c);
      return c;
    };
    const send = async (
      client: SQSClient,
      queueName: string,
      messageId: string,
      attributes?: Record<string, MessageAttributeValue>,
    ) =>
      client.send(
        new SendMessageCommand({
          QueueUrl: `${queueUrlBase}/${queueName}`,
          MessageBody: JSON.stringify({ ...status, messageId }),
          ...(attributes ? { MessageAttributes: attributes } : {}),
        }),
      );
    const original = (senderId: string) => ({
      [ORIGINAL_SENDER_ATTRIBUTE]: { DataType: 'String', StringValue: senderId },
    });

    // A bug makes storing this status fail, every time: the court's message is dead-lettered.
    stackOf(dynamoClient).add(
      (next) => async (args) => {
        if (args.input.TableName === casesTable && JSON.stringify(args.input.Item ?? null).includes(key.sk))
          throw Object.assign(new Error('simulated bug: cannot store this status'), { name: 'SimulatedBugError' });
        return next(args);
      },
      { step: 'initialize', priority: 'low', name: 'redriveSenderBug' },
    );
    const court = as(`${COURT_ROLE}:court-system`);
    await send(court, inbound.name, status.messageId);
    // A message whose SenderId is not the court's role, in the same DLQ (on AWS it would have
    // been rejected on arrival; here it stands for anything a DLQ holds that the court did not send).
    await send(as('AIDAEXAMPLEOPERATOR1'), inbound.dlqName, `${status.messageId}:foreign`);

    const access = {
      sqs: as(`${REDRIVE}:ops-test`),
      db: documentClient(test),
      stage,
      registry: REGISTRY,
      quarantineTable: tableName(stage, 'quarantine'),
      queueUrl: async (name: string) => `${queueUrlBase}/${name}`,
      whoAmI: async () => ({ principalId: REDRIVE, redriveRole: true }),
    };
    const [queue] = selectQueues(access, COURT).filter((q) => q.role === 'inbound');
    const depth = async () => (await listDeadLetterQueues(access, inbound.name))[0]!.messages;
    for (let waited = 0; (await depth()) < 2 && waited < 60; waited += 1)
      await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await depth()).toBe(2);

    // Forged relays, straight onto the court's inbound queue: the redrive role without the
    // original SenderId, or naming another institution's role; another institution's role
    // naming the court's role in the attribute (believed from the redrive role only).
    await send(as(`${REDRIVE}:ops-forger`), inbound.name, `${status.messageId}:no-original`);
    await send(as(`${REDRIVE}:ops-forger`), inbound.name, `${status.messageId}:other-original`, original(OTHER_ROLE));
    await send(as(`${OTHER_ROLE}:x`), inbound.name, `${status.messageId}:forged-attribute`, original(COURT_ROLE));

    stackOf(dynamoClient).remove('redriveSenderBug');
    expect(await redriveDeadLetters(access, queue!, { dryRun: true })).toMatchObject({ moved: 1, failed: 0 });
    const first = await redriveDeadLetters(access, queue!);
    expect(first.moved).toBe(1);
    expect(first.refused).toEqual([
      {
        sqsMessageId: expect.any(String) as string,
        reason: `its original SenderId AIDAEXAMPLEOPERATOR1 was not sent by the role registered for ${COURT} (SQS SenderId)`,
      },
    ]);
    await test.settle();

    const db = documentClient(test);
    const read = async () =>
      (await db.send(new GetCommand({ TableName: casesTable, Key: key, ConsistentRead: true }))).Item;
    const stored = await read();
    expect(stored?.version, 'the relayed original is stored').toBe(status.body.version);
    const rejected = rejectionsIn(await test.drain(COURT));
    const relayed = "was re-sent by the service's redrive role";
    const otherRole = `was sent with the credentials of another institution's role: this queue belongs to ${COURT}`;
    expect(
      rejected.map((r) => [r.body.rejectedMessageId, r.body.errors]).sort(),
      'each forged relay is rejected for its sender, the original is not',
    ).toEqual([
      [`${status.messageId}:forged-attribute`, [{ path: 'sender', message: otherRole }]],
      [
        `${status.messageId}:no-original`,
        [{ path: 'sender', message: `${relayed} without the original SenderId (linkage.original-sender-id)` }],
      ],
      [
        `${status.messageId}:other-original`,
        [{ path: 'sender', message: `${otherRole}; ${relayed}, this is the original SenderId it names` }],
      ],
    ]);
    // Kept as spoofs (reason sender-mismatch), with the text as it arrived.
    const quarantined = await listQuarantine(db, tableName(stage, 'quarantine'), { institutionId: COURT });
    expect(quarantined.map((q) => [q.rejectedMessageId, q.reason]).sort()).toEqual(
      ['forged-attribute', 'no-original', 'other-original'].map((s) => [`${status.messageId}:${s}`, 'sender-mismatch']),
    );
    // The foreign message stays in the DLQ (hidden for the rest of the redrive's hold).
    expect(await depth()).toBe(1);

    const second = await redriveDeadLetters(access, queue!);
    await test.settle();
    expect(second).toMatchObject({ moved: 0, failed: 0 });
    expect(JSON.stringify(await read())).toBe(JSON.stringify(stored));
    expect(rejectionsIn(await test.drain(COURT))).toEqual([]);
    expect(await depth()).toBe(1);

    // What a court clerk submits in the console goes out as the console-sender role (as the
    // console API on AWS sends it): accepted for the court, though its role is registered.
    const next = {
      ...status,
      messageId: `${status.messageId}:console`,
      body: { ...status.body, version: status.body.version + 1 },
    };
    await as(`${CONSOLE_SENDER}:console-api`).send(
      new SendMessageCommand({ QueueUrl: `${queueUrlBase}/${inbound.name}`, MessageBody: JSON.stringify(next) }),
    );
    await test.settle();
    expect((await read())?.version, 'the console-sent status is stored').toBe(status.body.version + 1);
    expect(rejectionsIn(await test.drain(COURT))).toEqual([]);
  });
});
