// The service's redrive role, `linkage-<stage>-redrive`: what the operators' tools work as
// when they look into dead-letter queues and send their messages back (the console API
// assumes it; an operator's CLI runs as it through an AWS profile). It is the one principal
// whose re-sent inbound messages the ingest judges by the original SenderId they carry, so it
// can do nothing else: read and delete dead letters, send to their source queues, use the
// queues' keys only through SQS and only for those queues, read the last errors kept for them
// (the quarantine table's `failure#` items, nothing else of it) (docs/operations.md, the trust
// argument). Who may assume it is decided by IAM policies in the service's account: the
// console API's role is granted it in infra/stacks/console-stack.ts.
import { Stack, Validations } from 'aws-cdk-lib';
import { AccountRootPrincipal, Effect, PolicyStatement, Role } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { redriveRoleName } from '../../shared/operations/redrive-identity.ts';
import { evaluateQueue, inboundQueue, outboundQueue } from '../../shared/resources/queues.ts';
import { FAILURE_PREFIX } from '../../shared/storage/failure-store.ts';
import { queueArn, tableArn, viaService } from '../naming.ts';

/** What the dead-letter tools do on a DLQ: count, read (peek or hold), delete once re-sent. */
export const DEAD_LETTER_ACTIONS = ['sqs:GetQueueAttributes', 'sqs:ReceiveMessage', 'sqs:DeleteMessage'];

export interface RedriveRoleProps {
  readonly stage: string;
  /** Encrypts the evaluate queue and its DLQ (the institution queues have their groups' keys). */
  readonly dataKey: IKey;
}

export class RedriveRole extends Construct {
  readonly role: Role;

  constructor(scope: Construct, id: string, props: RedriveRoleProps) {
    super(scope, id);
    const { stage } = props;
    const name = redriveRoleName(stage);
    this.role = new Role(this, 'Role', {
      roleName: name,
      assumedBy: new AccountRootPrincipal(),
      description: `Redrives the dead-letter queues of stage ${stage}: reads and deletes dead letters, sends them back to their source queues`,
    });
    // Institution queues by name pattern: thousands, in the institution stacks.
    const inbound = inboundQueue(stage, '*');
    const outbound = outboundQueue(stage, '*');
    const evaluate = evaluateQueue(stage);
    const deadLetters = [inbound.dlqName, outbound.dlqName, evaluate.dlqName].map((q) => queueArn(this, q));
    const sources = [inbound.name, outbound.name, evaluate.name].map((q) => queueArn(this, q));
    const institutionQueues = [inbound.name, outbound.name].map((q) => queueArn(this, q));
    const keys = Stack.of(this).formatArn({ service: 'kms', resource: 'key', resourceName: '*' });

    this.role.addToPolicy(
      new PolicyStatement({ sid: 'ReadDeadLetters', actions: DEAD_LETTER_ACTIONS, resources: deadLetters }),
    );
    this.role.addToPolicy(
      new PolicyStatement({ sid: 'SendBackToSourceQueues', actions: ['sqs:SendMessage'], resources: sources }),
    );
    // `…-in-*` also matches `…-in-X-dlq`: nothing is ever sent to a dead-letter queue.
    this.role.addToPolicy(
      new PolicyStatement({
        sid: 'NeverSendToDeadLetterQueues',
        effect: Effect.DENY,
        actions: ['sqs:SendMessage'],
        resources: deadLetters,
      }),
    );
    this.role.addToPolicy(
      new PolicyStatement({
        sid: 'InstitutionQueueKeysThroughSqs',
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: [keys],
        conditions: {
          StringLike: {
            'kms:ViaService': viaService(this, 'sqs'),
            'kms:EncryptionContext:aws:sqs:arn': institutionQueues,
          },
        },
      }),
    );
    this.role.addToPolicy(
      new PolicyStatement({
        sid: 'EvaluateQueueKeyThroughSqs',
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: [props.dataKey.keyArn],
        conditions: {
          StringLike: { 'kms:ViaService': viaService(this, 'sqs') },
          StringEquals: {
            'kms:EncryptionContext:aws:sqs:arn': [evaluate.name, evaluate.dlqName].map((q) => queueArn(this, q)),
          },
        },
      }),
    );

    // `dlq show`: the last error of each dead letter (shared/storage/failure-store.ts), by key.
    this.role.addToPolicy(
      new PolicyStatement({
        sid: 'ReadFailureNotes',
        actions: ['dynamodb:BatchGetItem'],
        resources: [tableArn(this, stage, 'quarantine')],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${FAILURE_PREFIX}*`] } },
      }),
    );
    this.role.addToPolicy(
      new PolicyStatement({
        sid: 'TableKeyThroughDynamoDb',
        actions: ['kms:Decrypt', 'kms:DescribeKey'],
        resources: [props.dataKey.keyArn],
        conditions: { StringLike: { 'kms:ViaService': viaService(this, 'dynamodb') } },
      }),
    );

    const policy = this.role.node.findChild('DefaultPolicy');
    for (const resource of [...deadLetters.slice(0, 2), ...sources.slice(0, 2)])
      Validations.of(policy).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${resource}]`,
        reason:
          'the queues (or dead-letter queues) of every institution of the stage, by name: the registry has thousands and the institution stacks hold them; nothing is sent to a dead-letter queue (denied)',
      });
    Validations.of(policy).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${keys}]`,
      reason:
        'the institution groups each have a key; use is limited to SQS (kms:ViaService) and to messages of this stage’s institution queues (kms:EncryptionContext:aws:sqs:arn)',
    });
  }
}
