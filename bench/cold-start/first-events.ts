// The first event of each function in the cold-start bench: what it would meet first on AWS,
// made different for every sample (a new status version, a new dossier version, a new ruling)
// so each fresh process does the same work. The builders are the test suite's, so every
// message is contract-valid.
import type { Message } from '@aws-sdk/client-sqs';
import { personIdFrom, dossier, ruling, status } from '../../generators/case.ts';
import type { FunctionName } from '../../shared/resources/functions.ts';
import { messageGroupOf } from '../../shared/queues/evaluation-requests.ts';
import { evaluateQueue, inboundQueue } from '../../shared/resources/queues.ts';
import { LOCAL_ACCOUNT_ID } from '../../local/engines.ts';
import { lambdaContext, queueArnOf, scheduledEvent, sqsRecord } from '../../local/lambda-event.ts';

const PERSON = personIdFrom('35080219800101123');

function sqsEvent(region: string, queueName: string, body: unknown, n: number, fifo = false) {
  const message: Message = {
    MessageId: `bench-first-${n}`,
    ReceiptHandle: `bench-first-${n}`,
    Body: JSON.stringify(body),
    Attributes: {
      SentTimestamp: String(Date.now()),
      ...(fifo ? { MessageGroupId: messageGroupOf(PERSON), SequenceNumber: String(n + 1) } : {}),
    },
  };
  return { Records: [sqsRecord(message, queueArnOf(region, LOCAL_ACCOUNT_ID, queueName), region)] };
}

/** Sample `n`'s first event for a function, in a stage whose queues and tables exist. */
export function firstEvent(name: FunctionName, stage: string, region: string, n: number): unknown {
  const version = n + 1;
  switch (name) {
    case 'ingest-status':
      return sqsEvent(region, inboundQueue(stage, 'FJ-LY-XL').name, status({ version }), n);
    case 'ingest-dossier':
      return sqsEvent(region, inboundQueue(stage, 'FJ-P01').name, dossier({ version }), n);
    case 'ingest-ruling': {
      const message = ruling({ rulingRef: `(2026)闽08刑更${9000 + n}号` });
      return sqsEvent(region, inboundQueue(stage, 'FJ-LY-ZY').name, { ...message, messageId: `bench-ruling-${n}` }, n);
    }
    case 'evaluate':
      return sqsEvent(region, evaluateQueue(stage).name, { personId: PERSON, trigger: `bench:${n}` }, n, true);
    case 'sweep-deadlines':
      return scheduledEvent({ region, accountId: LOCAL_ACCOUNT_ID, ruleName: 'bench-sweep' });
  }
}

/** The Lambda context, as JSON (the child process adds getRemainingTimeInMillis). */
export function firstContext(functionName: string, region: string): Record<string, unknown> {
  const context = lambdaContext({ functionName, timeoutSeconds: 60, region, accountId: LOCAL_ACCOUNT_ID });
  return JSON.parse(JSON.stringify(context)) as Record<string, unknown>;
}
