// The service's console-sender role, `linkage-<stage>-console-sender`: what the console API
// sends users' submissions as. The ingest functions are told its unique id and accept what it
// sends as coming from the queue's owner (shared/pipeline/inbound/relayed-sender.ts): the API
// puts a message only on the signed-in user's own institution's inbound queue, with the sender
// taken from the verified token. So it can do nothing else: send to inbound queues (never a
// dead-letter queue), and use their keys only through SQS for those queues. Who may assume it
// is decided by IAM policies in the service's account: the console API's role, in
// infra/stacks/console-stack.ts.
import { Stack, Validations } from 'aws-cdk-lib';
import { AccountRootPrincipal, Effect, PolicyStatement, Role } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { consoleSenderRoleName } from '../../shared/operations/redrive-identity.ts';
import { inboundQueue } from '../../shared/resources/queues.ts';
import { queueArn, viaService } from '../naming.ts';

export class ConsoleSenderRole extends Construct {
  readonly role: Role;

  constructor(scope: Construct, id: string, props: { readonly stage: string }) {
    super(scope, id);
    const { stage } = props;
    this.role = new Role(this, 'Role', {
      roleName: consoleSenderRoleName(stage),
      assumedBy: new AccountRootPrincipal(),
      description: `Sends what console users of stage ${stage} submit to their institution's inbound queue`,
    });
    const anyInbound = inboundQueue(stage, '*');
    const inboundArns = queueArn(this, anyInbound.name);
    const keys = Stack.of(this).formatArn({ service: 'kms', resource: 'key', resourceName: '*' });
    this.role.addToPolicy(
      new PolicyStatement({ sid: 'SendToInboundQueues', actions: ['sqs:SendMessage'], resources: [inboundArns] }),
    );
    // `…-in-*` also matches `…-in-X-dlq`.
    this.role.addToPolicy(
      new PolicyStatement({
        sid: 'NeverToDeadLetterQueues',
        effect: Effect.DENY,
        actions: ['sqs:*'],
        resources: [queueArn(this, anyInbound.dlqName)],
      }),
    );
    this.role.addToPolicy(
      new PolicyStatement({
        sid: 'InboundQueueKeysThroughSqs',
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [keys],
        conditions: {
          StringLike: { 'kms:ViaService': viaService(this, 'sqs'), 'kms:EncryptionContext:aws:sqs:arn': inboundArns },
        },
      }),
    );
    const policy = this.role.node.findChild('DefaultPolicy');
    Validations.of(policy).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${inboundArns}]`,
      reason:
        "one statement for the inbound queues of every institution of the stage, by name (the registry has thousands); the API names the signed-in institution's own queue, and dead-letter queues are denied",
    });
    Validations.of(policy).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${keys}]`,
      reason:
        'the institution groups each have a key; use is limited to SQS (kms:ViaService) and to messages of inbound queues (kms:EncryptionContext:aws:sqs:arn)',
    });
  }
}
