// One queue from its shared definition, with its dead-letter queue: both encrypted with a
// customer-managed key, TLS-only, retained on stack deletion or replacement (but removed
// when their first creation rolls back, so a retry does not fail on "already exists").
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { MAX_RETENTION_SECONDS, type QueueDefinition } from '../../shared/resources/queues.ts';

export interface LinkageQueueProps {
  readonly definition: QueueDefinition;
  readonly key: IKey;
}

export class LinkageQueue extends Construct {
  readonly definition: QueueDefinition;
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: LinkageQueueProps) {
    super(scope, id);
    const { definition, key } = props;
    this.definition = definition;
    const common = {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: key,
      enforceSSL: true,
      retentionPeriod: Duration.seconds(definition.retentionSeconds),
      removalPolicy: RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
      // A FIFO queue needs a FIFO dead-letter queue. The producer sets deduplication ids.
      ...(definition.fifo ? { fifo: true, contentBasedDeduplication: false } : {}),
    };
    // A dead-lettered message keeps its original enqueue time: the DLQ gets SQS's maximum.
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      ...common,
      queueName: definition.dlqName,
      retentionPeriod: Duration.seconds(MAX_RETENTION_SECONDS),
    });
    this.queue = new Queue(this, 'Queue', {
      ...common,
      queueName: definition.name,
      visibilityTimeout: Duration.seconds(definition.visibilityTimeoutSeconds),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: definition.maxReceiveCount },
    });
  }
}
