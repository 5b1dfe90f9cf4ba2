// The console's write path over the real queues, ingest and tables: what a user submits goes
// on their own inbound queue as their institution (from the token), only the kind their
// institution sends; a forged sender is refused; the outcome the page polls is the ingest's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { inboundQueueUrl } from '../../shared/queues/queue-urls.ts';
import { createConsoleApp } from '../../api/app.ts';
import { createVerifier } from '../../api/auth/verifier.ts';
import { sqsOutbox } from '../../api/write/outbox.ts';
import { tableName } from '../../shared/resources/tables.ts';
import { applicationKey, statusKey } from '../../shared/storage/keys.ts';
import { REGISTRY } from '../../local/registry.ts';
import { dossier, JUDGMENT, NOW, PERSON_ID, personIdFrom, status } from '../../generators/case.ts';
import { testIssuer, token, type TestIssuer } from '../unit/api/support.ts';
import { documentClient, startTestService, type TestService } from './harness.ts';

let test: TestService;
let signer: TestIssuer;
let app: ReturnType<typeof createConsoleApp>;

const as = async (institution: string, role = institution.startsWith('FJ-P') ? 'ADMINISTRATOR' : 'CLERK') =>
  token(signer, { institution, role: institution.startsWith('FJ-JC') ? 'PROCURATOR' : role });

async function post(institution: string, path: string, body: unknown) {
  const response = await app.request(path, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await as(institution)}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function outcome(institution: string, receipt: unknown) {
  for (let attempt = 0; attempt < 60; attempt += 1) {
    await test.settle();
    const result = await post(institution, '/api/messages/outcome', { receipt });
    if (result.json.state !== 'pending') return result.json;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { state: 'pending' };
}

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
}, 120_000);

afterAll(async () => {
  await test?.stop();
});

describe('console write path', () => {
  it('a prison sends a dossier as itself; the ingest stores it and the outcome says accepted', async () => {
    const sent = await post('FJ-P01', '/api/messages', {
      schema: 'linkage.reduction-dossier.v1',
      body: dossier().body,
    });
    expect(sent.status).toBe(202);
    expect(await outcome('FJ-P01', sent.json.receipt)).toEqual({ state: 'accepted' });
    const stored = await documentClient(test).send(
      new GetCommand({
        TableName: tableName(test.service.endpoints.stage, 'cases'),
        Key: applicationKey(PERSON_ID, 'FJ-P01-2026-0042'),
      }),
    );
    expect(stored.Item).toMatchObject({ senderId: 'FJ-P01', messageId: sent.json.messageId, prisonId: 'FJ-P01' });
    // Another institution's receipt tells it nothing.
    expect((await post('FJ-P02', '/api/messages/outcome', { receipt: sent.json.receipt })).json).toEqual({
      state: 'pending',
    });
  });

  it('refuses a sender, message id or sent time in the request, whatever it names', async () => {
    for (const forged of [
      { sender: { kind: 'PRISON', id: 'FJ-P02' } },
      { sender: { kind: 'PRISON', id: 'FJ-P01' } },
      { messageId: 'x' },
      { sentAt: '2026-11-21T09:00:00+08:00' },
    ]) {
      const result = await post('FJ-P01', '/api/messages', {
        schema: 'linkage.reduction-dossier.v1',
        body: dossier().body,
        ...forged,
      });
      expect(result.status).toBe(400);
      expect(result.json.problems).toEqual([
        { path: Object.keys(forged)[0], message: 'is set by the service from your sign-in; do not send it' },
      ]);
    }
  });

  it('refuses a kind of message the institution does not send (403), for every other kind', async () => {
    const cases: [string, string, unknown][] = [
      ['FJ-P01', 'linkage.enforcement-status.v1', status().body],
      [
        'FJ-P01',
        'linkage.ruling.v1',
        { applicationId: 'A', outcome: 'GRANTED', ruledOn: '2026-11-30', rulingRef: 'R' },
      ],
      ['FJ-LY-XL', 'linkage.reduction-dossier.v1', dossier().body],
      ['FJ-LY-ZY', 'linkage.enforcement-status.v1', status().body],
      ['FJ-JC-P01', 'linkage.reduction-dossier.v1', dossier().body],
      [
        'FJ-JC-P01',
        'linkage.ruling.v1',
        { applicationId: 'A', outcome: 'GRANTED', ruledOn: '2026-11-30', rulingRef: 'R' },
      ],
    ];
    for (const [institution, schema, body] of cases) {
      const result = await post(institution, '/api/messages', { schema, body });
      expect(result.status, `${institution} ${schema}`).toBe(403);
    }
    const service = await post('FJ-LY-XL', '/api/messages', { schema: 'linkage.fulfilment-flag.v1', body: {} });
    expect(service.status).toBe(400);
  });

  it('a body that fails the contract is refused with each problem naming its field', async () => {
    const body = { ...status().body, personId: '350802198001011230', payments: [{ receiptNo: 'R', amountFen: 1.5 }] };
    const result = await post('FJ-LY-XL', '/api/messages', { schema: 'linkage.enforcement-status.v1', body });
    expect(result.status).toBe(400);
    const paths = (result.json.problems as { path: string }[]).map((p) => p.path);
    expect(paths).toContain('body.personId');
    expect(paths).toContain('body.payments.0.amountFen');
  });

  it('an enforcing court status goes in as that court', async () => {
    const sent = await post('FJ-LY-XL', '/api/messages', {
      schema: 'linkage.enforcement-status.v1',
      body: status().body,
    });
    expect(sent.status).toBe(202);
    expect(await outcome('FJ-LY-XL', sent.json.receipt)).toEqual({ state: 'accepted' });
    const stored = await documentClient(test).send(
      new GetCommand({
        TableName: tableName(test.service.endpoints.stage, 'cases'),
        Key: statusKey(PERSON_ID, JUDGMENT, 1),
      }),
    );
    expect(stored.Item).toMatchObject({ senderId: 'FJ-LY-XL', messageId: sent.json.messageId });
  });

  it('a hearing court rules only on an application it hears (else 404); its ruling is accepted', async () => {
    const ruling = { applicationId: 'FJ-P01-2026-0042', outcome: 'GRANTED', ruledOn: '2026-11-30', rulingRef: 'R-1' };
    const missing = await post('FJ-LY-ZY', '/api/messages', {
      schema: 'linkage.ruling.v1',
      body: { ...ruling, applicationId: 'FJ-P01-NONE' },
    });
    expect(missing.status).toBe(404);
    const sent = await post('FJ-LY-ZY', '/api/messages', { schema: 'linkage.ruling.v1', body: ruling });
    expect(sent.status).toBe(202);
    expect(await outcome('FJ-LY-ZY', sent.json.receipt)).toEqual({ state: 'accepted' });
  });

  it('what the ingest refuses comes back as rejected, and only its sender can read the original', async () => {
    // Another prisoner under an application id already claimed: the ingest's conflict rejection.
    const other = personIdFrom('35080219800101456');
    const bad = dossier({ prisoner: { prisonerNo: '3508009999', name: '王某', personId: other } }).body;
    const sent = await post('FJ-P01', '/api/messages', { schema: 'linkage.reduction-dossier.v1', body: bad });
    expect(sent.status).toBe(202);
    const result = await outcome('FJ-P01', sent.json.receipt);
    expect(result.state).toBe('rejected');
    expect((result as { problems: { path: string }[] }).problems.map((p) => p.path)).toContain(
      'body.prisoner.personId',
    );
    const ref = encodeURIComponent(String((result as { ref: string }).ref));
    const own = await app.request(`/api/rejection?ref=${ref}`, {
      headers: { Authorization: `Bearer ${await as('FJ-P01')}` },
    });
    expect(own.status).toBe(200);
    const answer = (await own.json()) as { raw: string; storedVersion: number | null };
    const original = JSON.parse(answer.raw) as { body: unknown; sender: unknown };
    // A prison sees identity numbers: the original as sent.
    expect(original.body).toEqual(bad);
    expect(original.sender).toEqual({ kind: 'PRISON', id: 'FJ-P01' });
    expect(answer.storedVersion).toBeNull();
    const stranger = await app.request(`/api/rejection?ref=${ref}`, {
      headers: { Authorization: `Bearer ${await as('FJ-P02')}` },
    });
    expect(stranger.status).toBe(404);
  });

  it('a reference to an institution not in the registry is refused before sending, naming the field', async () => {
    const body = dossier({ applicationId: 'FJ-P01-2026-0099' }).body;
    const bad = { ...body, judgments: [{ ...body.judgments[0]!, enforcingCourtId: 'FJ-NOWHERE' }] };
    const sent = await post('FJ-P01', '/api/messages', { schema: 'linkage.reduction-dossier.v1', body: bad });
    expect(sent.status).toBe(400);
    expect((sent.json.problems as { path: string }[]).map((p) => p.path)).toEqual([
      'body.judgments.0.enforcingCourtId',
    ]);
  });

  it('the same version sent again is answered "stale" with the stored version (the ingest changes nothing)', async () => {
    const body = status({ version: 5 }).body;
    const first = await post('FJ-LY-XL', '/api/messages', { schema: 'linkage.enforcement-status.v1', body });
    expect(await outcome('FJ-LY-XL', first.json.receipt)).toEqual({ state: 'accepted' });
    const again = await post('FJ-LY-XL', '/api/messages', { schema: 'linkage.enforcement-status.v1', body });
    expect(await outcome('FJ-LY-XL', again.json.receipt)).toEqual({ state: 'stale', sentVersion: 5, storedVersion: 5 });
    const older = await post('FJ-LY-XL', '/api/messages', {
      schema: 'linkage.enforcement-status.v1',
      body: { ...body, version: 4 },
    });
    expect(await outcome('FJ-LY-XL', older.json.receipt)).toEqual({ state: 'stale', sentVersion: 4, storedVersion: 5 });
    // Another court polling the receipt learns nothing.
    expect((await post('FJ-LY-ZP', '/api/messages/outcome', { receipt: again.json.receipt })).json).toEqual({
      state: 'pending',
    });
    const ruling = { applicationId: 'FJ-P01-2026-0042', outcome: 'GRANTED', ruledOn: '2026-11-30', rulingRef: 'R-1' };
    const repeat = await post('FJ-LY-ZY', '/api/messages', { schema: 'linkage.ruling.v1', body: ruling });
    expect(await outcome('FJ-LY-ZY', repeat.json.receipt)).toEqual({ state: 'stale' });
  });

  it('an enforcing court gets the draft with the identity number masked; the service fills it in from the subject', async () => {
    const query = new URLSearchParams({ applicationId: 'FJ-P01-2026-0042', judgmentId: JUDGMENT, itemNo: '1' });
    const response = await app.request(`/api/drafts/status?${query}`, {
      headers: { Authorization: `Bearer ${await as('FJ-LY-XL')}` },
    });
    expect(response.status).toBe(200);
    const draft = (await response.json()) as {
      body: Record<string, unknown>;
      subject: { applicationId: string };
      prisoner: unknown;
    };
    const masked = `${PERSON_ID.slice(0, 4)}**********${PERSON_ID.slice(-4)}`;
    expect(draft.body.personId).toBe(masked);
    expect(draft.prisoner).toEqual({ prisonerNo: '3508001234', name: '张*', personId: masked, masked: true });
    expect(JSON.stringify(draft)).not.toContain(PERSON_ID);
    expect(draft.subject).toEqual({ applicationId: 'FJ-P01-2026-0042' });
    const sent = await post('FJ-LY-XL', '/api/messages', {
      schema: 'linkage.enforcement-status.v1',
      body: draft.body,
      subject: draft.subject,
    });
    expect(sent.status).toBe(202);
    expect(await outcome('FJ-LY-XL', sent.json.receipt)).toEqual({ state: 'accepted' });
    const stored = await documentClient(test).send(
      new GetCommand({
        TableName: tableName(test.service.endpoints.stage, 'cases'),
        Key: statusKey(PERSON_ID, JUDGMENT, 1),
      }),
    );
    expect(stored.Item).toMatchObject({ messageId: sent.json.messageId, version: draft.body.version });
    expect((stored.Item as { body: { personId: string } }).body.personId).toBe(PERSON_ID);
    // A court that does not enforce the judgment gets nothing from the same subject.
    const stranger = await post('FJ-LY-ZP', '/api/messages', {
      schema: 'linkage.enforcement-status.v1',
      body: draft.body,
      subject: draft.subject,
    });
    expect(stranger.status).toBe(404);
  });

  it('an enforcing court reads its own refused message with the identity number masked, and the version stored since', async () => {
    const body = {
      ...status({ version: 2 }).body,
      payments: [{ receiptNo: 'R', amountFen: -5, payer: 'SELF', paidOn: '2026-11-20' }],
    };
    const refused = {
      schema: 'linkage.enforcement-status.v1',
      messageId: 'XL:refused',
      sentAt: NOW,
      sender: { kind: 'ENFORCING_COURT', id: 'FJ-LY-XL' },
      body,
    };
    await test.service.clients.sqs.send(
      new SendMessageCommand({
        QueueUrl: inboundQueueUrl(test.service.endpoints, 'FJ-LY-XL'),
        MessageBody: JSON.stringify(refused),
      }),
    );
    await test.settle();
    const list = await app.request('/api/rejections?limit=50', {
      headers: { Authorization: `Bearer ${await as('FJ-LY-XL')}` },
    });
    const rows = ((await list.json()) as { rows: { ref: string; messageId: string | null }[] }).rows;
    const ref = rows.find((r) => r.messageId === 'XL:refused')?.ref;
    expect(ref).toBeDefined();
    const answer = await app.request(`/api/rejection?ref=${encodeURIComponent(ref!)}`, {
      headers: { Authorization: `Bearer ${await as('FJ-LY-XL')}` },
    });
    const original = (await answer.json()) as { raw: string; storedVersion: number | null };
    expect(original.raw).not.toContain(PERSON_ID);
    expect((JSON.parse(original.raw) as { body: { personId: string } }).body.personId).toBe(
      `${PERSON_ID.slice(0, 4)}**********${PERSON_ID.slice(-4)}`,
    );
    // The item is at version 5 (sent above): a resend of version 2 needs version 6.
    expect(original.storedVersion).toBeGreaterThanOrEqual(5);
    // Resent from the masked form: the service fills the number in from the refused message.
    const sent = await post('FJ-LY-XL', '/api/messages', {
      schema: 'linkage.enforcement-status.v1',
      body: { ...JSON.parse(original.raw).body, payments: [], version: original.storedVersion! + 1 },
      subject: { rejectionRef: ref },
    });
    expect(sent.status).toBe(202);
    expect(await outcome('FJ-LY-XL', sent.json.receipt)).toEqual({ state: 'accepted' });
    // Another court cannot use the refused message's number.
    const other = await post('FJ-LY-ZP', '/api/messages', {
      schema: 'linkage.enforcement-status.v1',
      body: { ...JSON.parse(original.raw).body, payments: [], version: 99 },
      subject: { rejectionRef: ref },
    });
    expect(other.status).toBe(404);
  });
});
