// The queues one institution talks to the service through, and the key that encrypts them.
//
// Each institution has its own customer-managed key, so its key policy names one foreign
// account only and stays small however large the registry grows. A foreign account can use
// an SQS queue encrypted with our key only if the key policy lets it: SQS calls KMS with the
// caller's credentials (GenerateDataKey and Decrypt to send, Decrypt to receive). The grant
// is limited to calls made through SQS (kms:ViaService) for this institution's own queue
// (kms:EncryptionContext:aws:sqs:arn), so the key is useless to it anywhere else. Queue and
// key policies name the account and, by aws:PrincipalArn, the one role registered for the
// institution: no other role or user of that account can send or read as it.
import { RemovalPolicy } from 'aws-cdk-lib';
import { AccountPrincipal, PolicyStatement, type IPrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { inboundQueue, outboundQueue } from '../../shared/resources/queues.ts';
import { isReceiver, isSender, roleArnOf, type Institution } from '../../shared/resources/registry.ts';
import type { Partition } from '../deployment-settings.ts';
import { queueArn, viaService } from '../naming.ts';
import { LinkageQueue } from './linkage-queue.ts';

/** What the institution may do on its outbound queue: read, acknowledge, extend, inspect. */
export const OUTBOUND_READ_ACTIONS = [
  'sqs:ReceiveMessage',
  'sqs:DeleteMessage',
  'sqs:ChangeMessageVisibility',
  'sqs:GetQueueAttributes',
];
export const INBOUND_SEND_ACTIONS = ['sqs:SendMessage'];

export interface InstitutionQueuesProps {
  readonly stage: string;
  readonly institution: Institution;
  readonly partition: Partition;
}

export class InstitutionQueues extends Construct {
  readonly institution: Institution;
  readonly key: Key;
  /** Present for institutions that send (prisons, enforcing courts, hearing courts). */
  readonly inbound?: LinkageQueue;
  readonly outbound?: LinkageQueue;

  constructor(scope: Construct, id: string, props: InstitutionQueuesProps) {
    super(scope, id);
    const { stage, institution } = props;
    this.institution = institution;
    // The institution's account, and within it only its registered role (aws:PrincipalArn).
    const account = new AccountPrincipal(institution.accountId).withConditions({
      ArnEquals: { 'aws:PrincipalArn': roleArnOf(institution, props.partition) },
    });

    this.key = new Key(this, 'Key', {
      alias: `alias/linkage-${stage}-${institution.id}`,
      description: `Encrypts the queues of ${institution.id} (${institution.kind})`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
    });

    if (isSender(institution)) {
      const definition = inboundQueue(stage, institution.id);
      this.inbound = new LinkageQueue(this, 'Inbound', { definition, key: this.key });
      this.inbound.queue.addToResourcePolicy(
        new PolicyStatement({
          sid: 'InstitutionSends',
          principals: [account],
          actions: INBOUND_SEND_ACTIONS,
          resources: [this.inbound.queue.queueArn],
        }),
      );
      this.allowKeyUseViaQueue(
        'InstitutionEncryptsInbound',
        account,
        ['kms:GenerateDataKey', 'kms:Decrypt'],
        queueArn(this, definition.name),
      );
    }

    if (isReceiver(institution)) {
      const definition = outboundQueue(stage, institution.id);
      this.outbound = new LinkageQueue(this, 'Outbound', { definition, key: this.key });
      this.outbound.queue.addToResourcePolicy(
        new PolicyStatement({
          sid: 'InstitutionReceives',
          principals: [account],
          actions: OUTBOUND_READ_ACTIONS,
          resources: [this.outbound.queue.queueArn],
        }),
      );
      this.allowKeyUseViaQueue(
        'InstitutionDecryptsOutbound',
        account,
        ['kms:Decrypt'],
        queueArn(this, definition.name),
      );
    }
  }

  // The queue ARN is built from its name, not taken from the queue: the queue already
  // depends on the key, and a reference back would be a cycle.
  private allowKeyUseViaQueue(sid: string, account: IPrincipal, actions: string[], arn: string): void {
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid,
        principals: [account],
        actions,
        resources: ['*'],
        conditions: {
          StringLike: { 'kms:ViaService': viaService(this, 'sqs') },
          StringEquals: { 'kms:EncryptionContext:aws:sqs:arn': arn },
        },
      }),
    );
  }
}
