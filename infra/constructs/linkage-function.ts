// One linkage Lambda function, with every setting the five share fixed in one place, and
// grant helpers that give it exactly the access it needs and the environment to find it.
import { fileURLToPath } from 'node:url';
import { RemovalPolicy, Validations, type Duration } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Tracing } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import {
  FUNCTION_MEMORY_MB,
  functionName,
  POWERTOOLS_ENVIRONMENT,
  type FunctionName,
  type TableAccess,
} from '../../shared/resources/functions.ts';
import type { QueueDefinition } from '../../shared/resources/queues.ts';
import { TABLES, tableName, type TableId } from '../../shared/resources/tables.ts';
import { functionBundling, FUNCTION_NODE_OPTIONS } from '../bundling.ts';
import { lambdaArchitecture, lambdaRuntime, type RegionSettings } from '../deployment-settings.ts';
import { queueArn, queueUrlBase, tableArn, viaService } from '../naming.ts';

/** The repository root: entries, lock file and tsconfig are found from here. */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

const READ_ITEMS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
const WRITE_ITEMS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
// Callers of a table encrypted with a customer-managed key need the key too, through DynamoDB only.
const TABLE_KEY_READ = ['kms:Decrypt', 'kms:DescribeKey'];
const TABLE_KEY_WRITE = ['kms:Encrypt', 'kms:GenerateDataKey'];
/** What Lambda's SQS event source needs on the queue (CDK's SqsEventSource grants the same). */
const CONSUME_ACTIONS = [
  'sqs:ReceiveMessage',
  'sqs:ChangeMessageVisibility',
  'sqs:GetQueueUrl',
  'sqs:DeleteMessage',
  'sqs:GetQueueAttributes',
];

export interface LinkageFunctionProps {
  readonly stage: string;
  /** Also the folder of the handler: functions/<name>/handler.ts. */
  readonly name: FunctionName;
  readonly description: string;
  readonly timeout: Duration;
  /** Runtime, architecture and tracing of the region deployed to. */
  readonly settings: RegionSettings;
  /** Encrypts the function's log group. */
  readonly logKey: IKey;
  /** Retries of asynchronous invocations (scheduled functions). */
  readonly retryAttempts?: number;
}

/** The evaluate queue's source (FIFO: no batching window). */
export interface SqsSourceOptions {
  readonly batchSize: number;
  readonly maxConcurrency: number;
}

/** Network logs kept at least six months: Cybersecurity Law of the PRC, Art. 21(3). */
export const LOG_RETENTION = RetentionDays.SIX_MONTHS;

export class LinkageFunction extends NodejsFunction {
  readonly stage: string;

  constructor(scope: Construct, id: string, props: LinkageFunctionProps) {
    const name = functionName(props.stage, props.name);
    // An explicit log group (retention set, no log-retention custom resource) and an own
    // role, so no AWS managed policy is attached: the role gets exactly what is granted below.
    // Kept (and encrypted) when the function goes; but not when the first creation rolls
    // back, so that a retry does not fail on a log group "already exists".
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      logGroupName: `/aws/lambda/${name}`,
      retention: LOG_RETENTION,
      encryptionKey: props.logKey,
      removalPolicy: RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
    });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${name}`,
    });
    super(scope, id, {
      functionName: name,
      description: props.description,
      entry: `${PROJECT_ROOT}/functions/${props.name}/handler.ts`,
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: `${PROJECT_ROOT}/package-lock.json`,
      runtime: lambdaRuntime(props.settings),
      architecture: lambdaArchitecture(props.settings),
      memorySize: FUNCTION_MEMORY_MB,
      timeout: props.timeout,
      // No reserved concurrency: a new account's limit (10 or 50) leaves nothing to reserve.
      // The event sources' maxConcurrency bounds what the queues can start instead.
      ...(props.retryAttempts === undefined ? {} : { retryAttempts: props.retryAttempts }),
      tracing: props.settings.tracing ? Tracing.ACTIVE : Tracing.DISABLED,
      logGroup,
      role,
      environment: {
        STAGE: props.stage,
        QUEUE_URL_BASE: queueUrlBase(scope),
        ...POWERTOOLS_ENVIRONMENT,
        POWERTOOLS_TRACE_ENABLED: String(props.settings.tracing),
        NODE_OPTIONS: FUNCTION_NODE_OPTIONS,
      },
      // Shared with the cold-start benchmark: one definition of how a function is bundled.
      bundling: functionBundling(props.settings.tracing),
    });
    this.stage = props.stage;
    logGroup.grantWrite(role);
    if (!props.settings.tracing) return;
    // Tracing.ACTIVE put the X-Ray statement into the role's default policy; X-Ray has no
    // resource-level permissions. The infra tests check it is the only `*` resource there.
    const defaultPolicy = role.node.findChild('DefaultPolicy');
    Validations.of(defaultPolicy).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions; every other statement names its table, index, queue, key or log group.',
    });
  }

  /** Grants the access and sets the table's environment variable, together. */
  bindTable(id: TableId, key: IKey, access: TableAccess): this {
    const { actions, resource, writes } = itemAccess(access, tableArn(this.stack, this.stage, id));
    this.addToRolePolicy(new PolicyStatement({ actions, resources: [resource] }));
    this.addToRolePolicy(
      new PolicyStatement({
        actions: writes ? [...TABLE_KEY_READ, ...TABLE_KEY_WRITE] : TABLE_KEY_READ,
        resources: [key.keyArn],
        conditions: { StringLike: { 'kms:ViaService': viaService(this, 'dynamodb') } },
      }),
    );
    this.addEnvironment(TABLES[id].envVar, tableName(this.stage, id));
    return this;
  }

  /** Lets the function send to one queue encrypted with `key` (its URL: QUEUE_URL_BASE + name). */
  allowSendTo(definition: QueueDefinition, key: IKey): this {
    const arn = queueArn(this, definition.name);
    this.addToRolePolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [arn] }));
    this.addToRolePolicy(
      new PolicyStatement({
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [key.keyArn],
        conditions: {
          StringLike: { 'kms:ViaService': viaService(this, 'sqs') },
          StringEquals: { 'kms:EncryptionContext:aws:sqs:arn': arn },
        },
      }),
    );
    return this;
  }

  /**
   * Institution queues by name pattern (`linkage-<stage>-in-*` or `-out-*`): thousands of
   * queues in the institution stacks, one statement. `consume` lets the function's event
   * sources read the inbound queues (the mappings live beside the queues); `send` lets it
   * put on the outbound queues. KMS: any key of the account, but only through SQS and only
   * for messages of those queues (the encryption context).
   */
  allowInstitutionQueues(access: 'consume' | 'send'): this {
    const pattern = queueArn(this, `linkage-${this.stage}-${access === 'consume' ? 'in' : 'out'}-*`);
    this.addToRolePolicy(
      new PolicyStatement({
        actions: access === 'consume' ? CONSUME_ACTIONS : ['sqs:SendMessage'],
        resources: [pattern],
      }),
    );
    const keys = this.stack.formatArn({ service: 'kms', resource: 'key', resourceName: '*' });
    this.addToRolePolicy(
      new PolicyStatement({
        actions: access === 'consume' ? ['kms:Decrypt'] : ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [keys],
        conditions: {
          StringLike: { 'kms:ViaService': viaService(this, 'sqs'), 'kms:EncryptionContext:aws:sqs:arn': pattern },
        },
      }),
    );
    this.acknowledgeWildcard(
      pattern,
      `one statement for the ${access === 'consume' ? 'inbound' : 'outbound'} queues of every institution of the stage, by name: the registry has thousands and the institution stacks hold them`,
    );
    this.acknowledgeWildcard(
      keys,
      'the institution groups each have a key; use is limited to SQS (kms:ViaService) and to messages of this stage’s institution queues (kms:EncryptionContext:aws:sqs:arn)',
    );
    return this;
  }

  private readonly acknowledged = new Set<string>();

  private acknowledgeWildcard(resource: string, reason: string): void {
    if (this.acknowledged.has(resource)) return;
    this.acknowledged.add(resource);
    const defaultPolicy = this.role!.node.findChild('DefaultPolicy');
    Validations.of(defaultPolicy).acknowledge({ id: `AwsSolutions-IAM5[Resource::${resource}]`, reason });
  }

  /** Consumes a queue, one failed record failing alone (the handler reports batch item failures). */
  consume(definition: QueueDefinition, key: IKey, options: SqsSourceOptions): this {
    const queue = Queue.fromQueueAttributes(this, `Source-${definition.name}`, {
      queueArn: queueArn(this, definition.name),
      keyArn: key.keyArn,
      fifo: definition.fifo,
    });
    this.addEventSource(
      new SqsEventSource(queue, {
        batchSize: options.batchSize,
        maxConcurrency: options.maxConcurrency,
        reportBatchItemFailures: true,
      }),
    );
    return this;
  }
}

function itemAccess(access: TableAccess, table: string): { actions: string[]; resource: string; writes: boolean } {
  if (access === 'readWrite') return { actions: [...READ_ITEMS, ...WRITE_ITEMS], resource: table, writes: true };
  if (access === 'read') return { actions: READ_ITEMS, resource: table, writes: false };
  if (access === 'update') return { actions: ['dynamodb:UpdateItem'], resource: table, writes: true };
  if (access === 'put') return { actions: ['dynamodb:PutItem'], resource: table, writes: true };
  return { actions: ['dynamodb:Query'], resource: `${table}/index/${access.queryIndex}`, writes: false };
}
