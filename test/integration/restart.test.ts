// Stopping and starting the local service loses nothing: tables (LevelDB) and queues, with
// the messages on them (SQLite), are where they were, and the service carries on from its
// stored state.
import { afterAll, describe, expect, it } from 'vitest';
import { readCaseHistory } from '../../cli/case-history.ts';
import { DemoClock } from '../../local/demo/messages.ts';
import { flagsIn } from '../../local/demo/outbox.ts';
import { dossiers, familyPayment, knownStatuses, story } from '../../local/demo/scenario.ts';
import { documentClient, EXTERNAL, startTestService, type TestService } from './harness.ts';

let test: TestService | undefined;

afterAll(async () => {
  await test?.stop();
});

describe.skipIf(EXTERNAL)('restarting the local service', () => {
  it('keeps tables, queues and unread messages, and continues the revision history', async () => {
    const family = story('family');
    const clock = new DemoClock(Date.now());
    test = await startTestService();
    const { dataDir } = test;
    const { dynamodbPort, sqsPort } = test.service.engines!;
    await test.send(knownStatuses(clock).find((m) => m.body.judgmentId === family.item.judgmentId)!);
    await test.settle();
    await test.send(dossiers(clock).find((m) => m.body.applicationId === family.applicationId)!);
    await test.settle();
    await test.stop({ keepData: true });

    // Same folder; same ports, as the handler modules of this process keep their clients.
    test = await startTestService({ dataDir: dataDir!, dynamodbPort, sqsPort });
    const unread = flagsIn(await test.drain('FJ-LY-ZY'));
    expect(unread.map((m) => [m.body.applicationId, m.body.revision, m.body.decision])).toEqual([
      [family.applicationId, 1, 'FLAG'],
    ]);
    const before = await readCaseHistory(documentClient(test), test.service.endpoints.stage, family.applicationId);
    expect(before?.revisions.map((r) => r.revision)).toEqual([1]);

    await test.send(familyPayment(new DemoClock(Date.now())));
    await test.settle();
    const after = flagsIn(await test.drain('FJ-LY-ZY'));
    expect(after.map((m) => [m.body.revision, m.body.decision])).toEqual([[2, 'CLEAR']]);
  });
});
