// Names and ARNs of deployed resources, derived from the shared definitions in
// shared/resources so that the stateless stack can address tables and queues without
// cross-stack exports (exports would cap the registry at CloudFormation's 200 outputs
// and lock every queue against removal).
import { ArnFormat, Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { tableName, type TableId } from '../shared/resources/tables.ts';
import { viaServicePattern } from './deployment-settings.ts';

/** Stage names end up in queue, table, function and alias names. */
export const STAGE_PATTERN = /^[a-z][a-z0-9]{0,15}$/;

export function assertStage(stage: unknown): string {
  if (typeof stage !== 'string' || !STAGE_PATTERN.test(stage)) {
    throw new Error(`stage must match ${STAGE_PATTERN} (got ${JSON.stringify(stage)})`);
  }
  return stage;
}

export { functionName } from '../shared/resources/functions.ts';

export function queueArn(scope: IConstruct, queueName: string): string {
  return Stack.of(scope).formatArn({ service: 'sqs', resource: queueName, arnFormat: ArnFormat.NO_RESOURCE_NAME });
}

export function tableArn(scope: IConstruct, stage: string, id: TableId): string {
  return Stack.of(scope).formatArn({ service: 'dynamodb', resource: 'table', resourceName: tableName(stage, id) });
}

/** What the functions prefix a queue name with: `https://sqs.<region>.<suffix>/<account>`. */
export function queueUrlBase(scope: IConstruct): string {
  const stack = Stack.of(scope);
  return `https://sqs.${stack.region}.${stack.urlSuffix}/${stack.account}`;
}

/**
 * The kms:ViaService pattern (a StringLike condition) of a regional service endpoint:
 * `sqs.cn-north-1.amazonaws.com*` holds for both spellings seen in China accounts.
 */
export function viaService(scope: IConstruct, service: 'sqs' | 'dynamodb'): string {
  return viaServicePattern(service, Stack.of(scope).region);
}
