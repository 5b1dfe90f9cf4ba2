// The configuration local mode gives the functions and the CLI: the same variables a
// deployed function reads on AWS (STAGE, QUEUE_URL_BASE, one per table), with the SDK's own
// endpoint variables pointing at the embedded engines and dummy static credentials.
import { POWERTOOLS_ENVIRONMENT } from '../shared/resources/functions.ts';
import { TABLES, tableName, type TableId } from '../shared/resources/tables.ts';
import type { Engines } from './engines.ts';

export const LOCAL_STAGE = 'local';
export const LOCAL_REGION = 'us-east-1';
/** The engines accept any credentials; these keep the SDK from looking for real ones. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

export interface ServiceEndpoints {
  readonly stage: string;
  readonly region: string;
  readonly dynamodbEndpoint: string;
  readonly sqsEndpoint: string;
  readonly queueUrlBase: string;
}

export function endpointsOf(engines: Engines): ServiceEndpoints {
  return {
    stage: LOCAL_STAGE,
    region: LOCAL_REGION,
    dynamodbEndpoint: engines.dynamodbEndpoint,
    sqsEndpoint: engines.sqsEndpoint,
    queueUrlBase: engines.queueUrlBase,
  };
}

/** Table name variables (CASES_TABLE, ...), as the CDK stack sets them. */
export function tableVariables(stage: string): Record<string, string> {
  return Object.fromEntries((Object.keys(TABLES) as TableId[]).map((id) => [TABLES[id].envVar, tableName(stage, id)]));
}

/** What the CDK stack sets on every function: stage, queue URL base, table names, Powertools. */
export function serviceVariables(
  endpoints: ServiceEndpoints,
  logLevel: string,
  metrics = false,
): Record<string, string> {
  return {
    STAGE: endpoints.stage,
    QUEUE_URL_BASE: endpoints.queueUrlBase,
    ...tableVariables(endpoints.stage),
    ...POWERTOOLS_ENVIRONMENT,
    // No CloudWatch agent or X-Ray daemon here: metrics would only print EMF lines (the
    // bench prints them to count the log bytes a message costs as deployed).
    POWERTOOLS_METRICS_DISABLED: String(!metrics),
    POWERTOOLS_TRACE_ENABLED: 'false',
    POWERTOOLS_LOG_LEVEL: logLevel,
  };
}

/** A function's environment pointed at the embedded engines, with dummy credentials. */
export function functionEnvironment(
  endpoints: ServiceEndpoints,
  logLevel: string,
  metrics = false,
): Record<string, string> {
  return {
    ...serviceVariables(endpoints, logLevel, metrics),
    AWS_REGION: endpoints.region,
    AWS_DEFAULT_REGION: endpoints.region,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_SQS: endpoints.sqsEndpoint,
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodbEndpoint,
  };
}
