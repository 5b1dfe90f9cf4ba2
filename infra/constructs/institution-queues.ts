// The queues one institution talks to the service through, and its grant on the key of its
// stack (infra/stacks/institutions-stack.ts: one key per group of institutions).
//
// A foreign account can use an SQS queue encrypted with our key only if the key policy lets
// it: SQS calls KMS with the caller's credentials (GenerateDataKey and Decrypt to send,
// Decrypt to receive). The institution's one statement is limited to calls made through SQS
// (kms:ViaService) for its own queues (kms:EncryptionContext:aws:sqs:arn), so the key is
// useless to it anywhere else. Queue and key policies name the account and, by
// aws:PrincipalArn, the one role registered for the institution: no other role or user of
// that account can send or read as it.
import { AccountPrincipal, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { inboundQueue, outboundQueue } from '../../shared/resources/queues.ts';
import { isSender, roleArnOf, type Institution } from '../../shared/resources/registry.ts';
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
  /** The key of the institution's stack. */
  readonly key: Key;
}

export class InstitutionQueues extends Construct {
  readonly institution: Institution;
  /** Present for institutions that send (prisons, enforcing courts, hearing courts). */
  readonly inbound?: LinkageQueue;
  readonly outbound: LinkageQueue;

  constructor(scope: Construct, id: string, props: InstitutionQueuesProps) {
    super(scope, id);
    const { stage, institution, key } = props;
    this.institution = institution;
    const principalArn = { ArnEquals: { 'aws:PrincipalArn': roleArnOf(institution, props.partition) } };
    const account = new AccountPrincipal(institution.accountId).withConditions(principalArn);
    // The queue ARNs are built from their names, not taken from the queues: the queues
    // already depend on the key, and a reference back would be a cycle.
    const ownQueues: string[] = [];

    if (isSender(institution)) {
      const definition = inboundQueue(stage, institution.id);
      this.inbound = new LinkageQueue(this, 'Inbound', { definition, key });
      this.inbound.queue.addToResourcePolicy(
        new PolicyStatement({
          sid: 'InstitutionSends',
          principals: [account],
          actions: INBOUND_SEND_ACTIONS,
          resources: [this.inbound.queue.queueArn],
        }),
      );
      ownQueues.push(queueArn(this, definition.name));
    }

    // Every institution receives: flags, copies, verification requests or rejections.
    const outbound = outboundQueue(stage, institution.id);
    this.outbound = new LinkageQueue(this, 'Outbound', { definition: outbound, key });
    this.outbound.queue.addToResourcePolicy(
      new PolicyStatement({
        sid: 'InstitutionReceives',
        principals: [account],
        actions: OUTBOUND_READ_ACTIONS,
        resources: [this.outbound.queue.queueArn],
      }),
    );
    ownQueues.push(queueArn(this, outbound.name));

    // One statement per institution keeps the key policy small (32 KB is KMS's limit).
    key.addToResourcePolicy(
      new PolicyStatement({
        sid: `Institution${institution.id.replaceAll('-', '')}UsesOwnQueues`,
        principals: [new AccountPrincipal(institution.accountId)],
        actions: this.inbound ? ['kms:GenerateDataKey', 'kms:Decrypt'] : ['kms:Decrypt'],
        resources: ['*'],
        conditions: {
          ...principalArn,
          StringLike: { 'kms:ViaService': viaService(this, 'sqs') },
          StringEquals: { 'kms:EncryptionContext:aws:sqs:arn': ownQueues.length === 1 ? ownQueues[0] : ownQueues },
        },
      }),
    );
  }
}
