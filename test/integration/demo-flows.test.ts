// Every flow of the demo, end to end on the real engines and handlers: each story's
// revisions as the hearing court receives them, the verification request and its answer,
// the copies, and every flag equal to the pure engine's on the same facts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FulfilmentFlag } from '../../shared/contract/fulfilment-flag.ts';
import { checkRun, storyOutcomes } from '../../local/demo/checks.ts';
import { flagsIn } from '../../local/demo/outbox.ts';
import { pureMismatch } from '../../local/demo/pure-check.ts';
import { runScenario, type ScenarioRun } from '../../local/demo/run-scenario.ts';
import { STORIES, story, type Story } from '../../local/demo/scenario.ts';
import { startTestService, type TestService } from './harness.ts';

let test: TestService;
let run: ScenarioRun;

beforeAll(async () => {
  test = await startTestService();
  run = await runScenario(test.service);
});

afterAll(async () => {
  await test?.stop();
});

const flagsOf = (key: Story['key']): FulfilmentFlag[] =>
  storyOutcomes(run).find((o) => o.story.key === key)!.flags as FulfilmentFlag[];
const summary = (flags: readonly FulfilmentFlag[]) =>
  flags.map((f) => ({ revision: f.revision, decision: f.decision, codes: f.reasons.map((r) => r.code) }));

describe('the demo scenario through the real queues, tables and handlers', () => {
  it('a prisoner who paid in full is CLEAR', () => {
    const [flag] = flagsOf('paid');
    expect(summary(flagsOf('paid'))).toEqual([{ revision: 1, decision: 'CLEAR', codes: ['PP-SATISFIED'] }]);
    expect(flag!.items).toMatchObject([{ state: 'SATISFIED', outstandingFen: 0, version: 3 }]);
  });

  it('a prisoner unable to pay is CLEAR with PP-UNABLE', () => {
    expect(summary(flagsOf('unable'))).toEqual([{ revision: 1, decision: 'CLEAR', codes: ['PP-UNABLE'] }]);
    expect(flagsOf('unable')[0]!.ability).toBe('UNABLE');
  });

  it('a prisoner hiding assets is BLOCKed', () => {
    const [flag] = flagsOf('hiding');
    expect(flagsOf('hiding')).toHaveLength(1);
    expect(flag!.decision).toBe('BLOCK');
    expect(flag!.ability).toBe('ABLE');
    expect(flag!.reasons[0]!.code).toBe('PP-REFUSE-6.1');
  });

  it('a missing status raises a verification request; the answer turns FLAG into CLEAR', () => {
    const missing = story('missing');
    const request = run.requests.find((r) => r.body.applicationId === missing.applicationId);
    expect(request?.body).toMatchObject({
      judgmentId: missing.item.judgmentId,
      reason: 'STATUS_MISSING',
      itemNos: [1],
    });
    expect(summary(flagsOf('missing'))).toEqual([
      { revision: 1, decision: 'FLAG', codes: ['PP-STATUS-MISSING'] },
      { revision: 2, decision: 'CLEAR', codes: ['PP-SATISFIED'] },
    ]);
  });

  it('a family payment turns a FLAG into a CLEAR in a new revision', () => {
    const flags = flagsOf('family');
    expect(summary(flags)).toEqual([
      { revision: 1, decision: 'FLAG', codes: ['PP-ABLE-CHECK'] },
      { revision: 2, decision: 'CLEAR', codes: ['PP-SATISFIED'] },
    ]);
    expect(flags[1]!.inputs.statuses).toEqual({ [`${story('family').item.judgmentId}#1`]: 2 });
  });

  it('a granted parole is revoked after concealment is found', () => {
    const flags = flagsOf('revoked');
    expect(summary(flags)).toEqual([
      { revision: 1, decision: 'CLEAR', codes: ['PP-SATISFIED'] },
      { revision: 2, decision: 'REVOKE', codes: ['PP-REVOKE'] },
    ]);
    expect(flags[1]!.ruling).toMatchObject({ outcome: 'GRANTED' });
  });

  it('a prisoner who pays during the cool-off is CLEAR the day it ends, by the deadline sweep alone', () => {
    const flags = flagsOf('cooloff');
    expect(summary(flags)).toEqual([
      { revision: 1, decision: 'BLOCK', codes: ['PP-COOLOFF-6M', 'PP-ABLE-UNPAID', 'PP-AMBIG-6.3'] },
      { revision: 2, decision: 'BLOCK', codes: ['PP-COOLOFF-6M'] },
      { revision: 3, decision: 'CLEAR', codes: ['PP-SATISFIED'] },
    ]);
    const endsOn = flags[1]!.earliestClearOn!;
    expect(flags[0]!.earliestClearOn).toBe(endsOn);
    expect(flags[1]!.nextChangeAt).toBe(`${endsOn}T00:00:00+08:00`);
    expect(flags[1]!.remedies).toEqual([expect.objectContaining({ action: 'WAIT', until: endsOn })]);
    // Revision 3 rests on the same inputs as revision 2: only time changed it.
    expect(flags[2]!.inputs).toEqual(flags[1]!.inputs);
    expect(flags[2]!.evaluatedAt >= `${endsOn}T00:00:00+08:00`).toBe(true);
  });

  it('sends the hearing court nothing beyond these revisions', () => {
    const hearing = flagsIn(run.received.filter((r) => r.institutionId === 'FJ-LY-ZY'));
    expect(hearing).toHaveLength(STORIES.reduce((n, s) => n + s.expected.length, 0));
  });

  it('gives every flag exactly as the pure engine does on the same facts', () => {
    for (const { flags } of storyOutcomes(run)) {
      for (const flag of flags)
        expect(pureMismatch(flag, run.sent, run.requests), `${flag.applicationId} r${flag.revision}`).toBeUndefined();
    }
  });

  it('passes every check the demo makes, with no handler failure', () => {
    expect(checkRun(run, test.service.registry).filter((c) => !c.ok)).toEqual([]);
    expect(test.invocations.filter((i) => i.error)).toEqual([]);
  });
});
