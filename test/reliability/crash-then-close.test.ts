// A case the fault run found (seed 1750995310): an evaluation commits revision 1, then dies
// before the flag reaches everyone; before SQS retries it, the hearing court's DENIED ruling
// arrives and closes the application. The retry must still deliver revision 1, to all three
// recipients: the decision was taken and recorded (and some recipients may already hold it),
// and "a committed revision not yet delivered is re-sent" (docs/architecture.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqsClient } from '../../shared/pipeline/runtime.ts';
import { outboundQueue } from '../../shared/resources/queues.ts';
import { dossier, ruling } from '../../generators/case.ts';
import { recordFigures } from './support/figures.ts';
import { ReliabilityService } from './support/service.ts';

type Next = (args: { input: Record<string, unknown> }) => Promise<{ output: Record<string, unknown> }>;
interface Stack {
  add(mw: (next: Next, context: { commandName?: string }) => Next, options: Record<string, unknown>): void;
  remove(name: string): boolean;
}

const APPLICATION = 'FJ-P01-2026-0777';
let service: ReliabilityService | undefined;

beforeAll(async () => {
  service = await ReliabilityService.start({ logLevel: 'SILENT' });
});

afterAll(async () => {
  (sqsClient.middlewareStack as unknown as Stack).remove('reliabilityCrashOnce');
  await service?.stop();
});

describe('a crash between committing a revision and delivering it', () => {
  it('still delivers the revision to every recipient when the application closes before the retry', async () => {
    const svc = service!;
    const procuratorateQueue = outboundQueue(svc.stage, 'FJ-JC-P01').name;
    let crashed = false;
    // The first flag of the application reaches the hearing court and the prison; the
    // evaluation dies at the procuratorate's copy.
    (sqsClient.middlewareStack as unknown as Stack).add(
      (next, context) => async (args) => {
        const body = String(args.input.MessageBody ?? '');
        if (
          !crashed &&
          context.commandName === 'SendMessageCommand' &&
          String(args.input.QueueUrl).endsWith(`/${procuratorateQueue}`) &&
          body.includes(`"applicationId":"${APPLICATION}"`)
        ) {
          crashed = true;
          throw Object.assign(new Error('the evaluation died here'), { name: 'InjectedKillError' });
        }
        return next(args);
      },
      { step: 'initialize', priority: 'high', name: 'reliabilityCrashOnce' },
    );
    const proposal = dossier({ applicationId: APPLICATION });
    await svc.send('FJ-P01', JSON.stringify({ ...proposal, messageId: `FJ-P01:dossier:${APPLICATION}:v1` }));
    const deadline = Date.now() + 30_000;
    while (!crashed && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(crashed, 'the evaluation reached the procuratorate copy').toBe(true);
    // The failed evaluation waits for its visibility timeout; the court rules meanwhile.
    const denied = ruling({
      applicationId: APPLICATION,
      outcome: 'DENIED',
      ruledOn: proposal.body.submittedAt.slice(0, 10),
      rulingRef: '(2026)闽08刑更777号',
    });
    await svc.send('FJ-LY-ZY', JSON.stringify({ ...denied, messageId: 'FJ-LY-ZY:ruling:777' }));
    await svc.settle(120_000);

    const revisions = async (id: string) =>
      (await svc.drain(id)).flatMap((r) =>
        r.message.schema === 'linkage.fulfilment-flag.v1' && r.message.body.applicationId === APPLICATION
          ? [r.message.body.revision]
          : [],
      );
    const held = {
      'FJ-LY-ZY': await revisions('FJ-LY-ZY'),
      'FJ-P01': await revisions('FJ-P01'),
      'FJ-JC-P01': await revisions('FJ-JC-P01'),
    };
    recordFigures(
      'crash-then-close',
      {},
      [`revisions held after the crash and the DENIED ruling: ${JSON.stringify(held)}`],
      0,
    );
    expect(held['FJ-LY-ZY']).toContain(1);
    expect(held['FJ-P01']).toContain(1);
    expect(held['FJ-JC-P01'], 'the procuratorate gets the copy the court and the prison got').toEqual([1]);
    expect(await svc.deadLetters()).toEqual([]);
  });
});
