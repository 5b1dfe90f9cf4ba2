// The revision ledger and the evaluate use case by what they do, on the embedded engines
// (dynalite, fauxqs): what the decisions table and the application hold afterwards and what
// each recipient's outbound queue received, not which DynamoDB expressions were sent. Crashes
// are a ledger operation run without the evaluation's final update.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossier, PERSON_ID, status } from '../../generators/case.ts';
import { destroyClients, localClients, type LocalClients } from '../../local/clients.ts';
import { startEngines, type Engines } from '../../local/engines.ts';
import { endpointsOf, LOCAL_STAGE } from '../../local/environment.ts';
import { drainOutbound } from '../../local/demo/outbox.ts';
import { provision } from '../../local/provision.ts';
import type { FulfilmentFlagMessage } from '../../shared/contract/messages.ts';
import { evaluatePrisoner } from '../../shared/pipeline/evaluation/evaluate-prisoner.ts';
import { factsOf } from '../../shared/pipeline/evaluation/facts.ts';
import { RevisionLedger, type EvaluationDependencies } from '../../shared/pipeline/evaluation/ledger.ts';
import { REGISTRY } from '../../shared/pipeline/registry.ts';
import { evaluate } from '../../shared/rules/evaluate.ts';
import { DEFAULT_POLICY } from '../../shared/rules/policy.ts';
import { tableName } from '../../shared/resources/tables.ts';
import { putDossier } from '../../shared/storage/application-store.ts';
import { createDocumentClient } from '../../shared/storage/clients.ts';
import { findRevision } from '../../shared/storage/decision-store.ts';
import { loadPrisoner } from '../../shared/storage/prisoner-store.ts';
import { putStatus } from '../../shared/storage/status-store.ts';

const NOW = '2026-11-21T09:00:01+08:00';
/** The dossier's hearing court, its prison and the procuratorate stationed there. */
const RECIPIENTS = ['FJ-LY-ZY', 'FJ-P01', 'FJ-JC-P01'];

let engines: Engines;
let clients: LocalClients;
let deps: EvaluationDependencies;
let nextApplication = 0;

beforeAll(async () => {
  engines = await startEngines();
  const endpoints = endpointsOf(engines);
  clients = localClients(endpoints);
  await provision(clients, LOCAL_STAGE, REGISTRY);
  deps = {
    db: createDocumentClient(clients.dynamodb),
    sqs: clients.sqs,
    env: {
      stage: LOCAL_STAGE,
      queueUrlBase: endpoints.queueUrlBase,
      tables: {
        cases: tableName(LOCAL_STAGE, 'cases'),
        decisions: tableName(LOCAL_STAGE, 'decisions'),
        access: tableName(LOCAL_STAGE, 'access'),
        assessment: tableName(LOCAL_STAGE, 'assessment'),
      },
    },
    registry: REGISTRY,
    clock: () => NOW,
  };
});
afterAll(async () => {
  destroyClients(clients);
  await engines.stop();
});

/** A fresh application of its own prisoner, with its dossier and one status stored. */
async function storedCase(): Promise<string> {
  nextApplication += 1;
  const applicationId = `FJ-P01-2026-${String(7000 + nextApplication)}`;
  await putDossier(deps.db, deps.env.tables.cases, dossier({ applicationId }), NOW);
  await putStatus(deps.db, deps.env.tables.cases, status({ version: 3 }), NOW);
  return applicationId;
}

async function application(applicationId: string) {
  const prisoner = await loadPrisoner(deps.db, deps.env.tables.cases, PERSON_ID);
  return prisoner.applications.find((a) => a.applicationId === applicationId)!;
}

/** Every flag revision each recipient received for this application, in order. */
async function received(applicationId: string): Promise<Record<string, number[]>> {
  const got: Record<string, number[]> = {};
  for (const id of RECIPIENTS) {
    const messages = await drainOutbound(deps.sqs, deps.env.queueUrlBase, LOCAL_STAGE, id);
    got[id] = messages
      .map((m) => m.message)
      .filter((m): m is FulfilmentFlagMessage => m.schema === 'linkage.fulfilment-flag.v1')
      .filter((m) => m.body.applicationId === applicationId)
      .map((m) => m.body.revision);
  }
  return got;
}

/** The flag the engine gives the application now: what a crashed run would have recorded. */
async function flagNow(applicationId: string) {
  const prisoner = await loadPrisoner(deps.db, deps.env.tables.cases, PERSON_ID);
  return evaluate(factsOf(prisoner, await application(applicationId)), DEFAULT_POLICY, NOW).flag;
}

const each = (revisions: number[]) => Object.fromEntries(RECIPIENTS.map((id) => [id, revisions]));

describe('revision ledger', () => {
  it('records revision 1, delivers it to every recipient, and moves the application to it', async () => {
    const applicationId = await storedCase();
    await received(applicationId);
    const [result] = await evaluatePrisoner(deps, {
      personId: PERSON_ID,
      applicationIds: [applicationId],
      trigger: 't',
    });
    expect(result).toMatchObject({ revision: 1, newRevision: true, flagsDelivered: 1 });
    expect(await findRevision(deps.db, deps.env.tables.decisions, applicationId, 1)).toBeDefined();
    expect(await application(applicationId)).toMatchObject({ revision: 1, sentRevision: 1 });
    expect(await received(applicationId)).toEqual(each([1]));

    // Nothing changed: no revision, nothing sent.
    const [again] = await evaluatePrisoner(deps, {
      personId: PERSON_ID,
      applicationIds: [applicationId],
      trigger: 't',
    });
    expect(again).toMatchObject({ revision: 1, newRevision: false, flagsDelivered: 0 });
    expect(await findRevision(deps.db, deps.env.tables.decisions, applicationId, 2)).toBeUndefined();
    expect(await received(applicationId)).toEqual(each([]));
  });

  it('a run that died after recording: the next run adopts the orphan and delivers it, once', async () => {
    const applicationId = await storedCase();
    await received(applicationId);
    const crashed = new RevisionLedger(deps, await application(applicationId));
    await crashed.record(await flagNow(applicationId), 'crashed', NOW);
    expect(crashed.newRevision?.revision).toBe(1);
    // It died before its final update: the application is still at no revision.
    expect((await application(applicationId)).revision).toBeUndefined();

    const [retried] = await evaluatePrisoner(deps, {
      personId: PERSON_ID,
      applicationIds: [applicationId],
      trigger: 't',
    });
    expect(retried).toMatchObject({ revision: 1, flagsDelivered: 1 });
    expect(await findRevision(deps.db, deps.env.tables.decisions, applicationId, 2)).toBeUndefined();
    expect(await application(applicationId)).toMatchObject({ revision: 1, sentRevision: 1 });
    expect(await received(applicationId)).toEqual(each([1]));
  });

  it('with no new flag to send, an orphan is still adopted, delivered and committed', async () => {
    const applicationId = await storedCase();
    await received(applicationId);
    await new RevisionLedger(deps, await application(applicationId)).record(
      await flagNow(applicationId),
      'crashed',
      NOW,
    );

    const ledger = new RevisionLedger(deps, await application(applicationId));
    await ledger.adoptOrphan();
    expect(ledger.revision).toBe(1);
    expect(await ledger.deliver(NOW)).toBe(1);
    expect(ledger.changes()).toMatchObject({ at: 0, revision: { revision: 1 }, sentRevision: 1 });
    expect(await received(applicationId)).toEqual(each([1]));
  });
});
