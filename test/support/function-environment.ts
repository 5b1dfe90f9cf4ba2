// The environment a deployed function gets, for handler unit tests (stage `test`).
import { TABLES, tableName, type TableId } from '../../shared/resources/tables.ts';
import { TEST_ACCOUNT, TEST_REGION } from './sqs-event.ts';

export const TEST_STAGE = 'test';
export const TEST_QUEUE_URL_BASE = `https://sqs.${TEST_REGION}.amazonaws.com/${TEST_ACCOUNT}`;

export function testTableName(id: TableId): string {
  return tableName(TEST_STAGE, id);
}

export const TEST_ENVIRONMENT: Record<string, string> = {
  STAGE: TEST_STAGE,
  QUEUE_URL_BASE: TEST_QUEUE_URL_BASE,
  ...Object.fromEntries((Object.keys(TABLES) as TableId[]).map((id) => [TABLES[id].envVar, testTableName(id)])),
  AWS_REGION: TEST_REGION,
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  POWERTOOLS_SERVICE_NAME: 'linkage',
  POWERTOOLS_METRICS_NAMESPACE: 'Linkage',
  POWERTOOLS_METRICS_DISABLED: 'true',
  POWERTOOLS_TRACE_ENABLED: 'false',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
};

/** Sets the variables; call before importing a handler (Powertools reads them at load). */
export function useFunctionEnvironment(overrides: Record<string, string> = {}): void {
  Object.assign(process.env, TEST_ENVIRONMENT, overrides);
}
