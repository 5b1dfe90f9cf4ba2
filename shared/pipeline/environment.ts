// What a function reads from its environment (set by the CDK stack on AWS and by local
// mode): the stage, where queues live, and the names of the tables it uses. Endpoints and
// credentials are the AWS SDK's own business (AWS_ENDPOINT_URL_*, AWS_REGION, ...).
import { TABLES, type TableId } from '../resources/tables.ts';

export interface Environment<T extends TableId = TableId> {
  /** Deployment stage, e.g. `prod`; locally `local`. Queue names are derived from it. */
  readonly stage: string;
  /** Queue URL = `${queueUrlBase}/${queueName}`. */
  readonly queueUrlBase: string;
  readonly tables: Readonly<Record<T, string>>;
  /**
   * The unique id (AROA…) of the service's redrive role, set on the ingest functions: a message
   * SQS says that role sent is judged by the original SenderId it carries (inbound/relayed-sender.ts).
   * Absent (local mode): no principal is a redrive role.
   */
  readonly redrivePrincipalId?: string;
  /**
   * The unique id of the service's console-sender role, set on the ingest functions: the console
   * API sends what signed-in users submit as this role, so a message SQS says it sent comes from
   * the queue's owner, as the console verified (inbound/relayed-sender.ts). Absent: none.
   */
  readonly consoleSenderPrincipalId?: string;
}

/** The variable the ingest functions read the redrive role's unique id from. */
export const REDRIVE_PRINCIPAL_VARIABLE = 'REDRIVE_PRINCIPAL_ID';
/** The variable the ingest functions read the console-sender role's unique id from. */
export const CONSOLE_SENDER_PRINCIPAL_VARIABLE = 'CONSOLE_SENDER_PRINCIPAL_ID';

/** Reads STAGE, QUEUE_URL_BASE and the named tables' variables; throws naming what is missing. */
export function readEnvironment<T extends TableId>(
  tables: readonly T[],
  source: Readonly<Record<string, string | undefined>> = process.env,
): Environment<T> {
  const missing: string[] = [];
  const read = (name: string): string => {
    const value = source[name]?.trim();
    if (!value) missing.push(name);
    return value ?? '';
  };
  const stage = read('STAGE');
  const queueUrlBase = read('QUEUE_URL_BASE').replace(/\/+$/, '');
  const names = Object.fromEntries(tables.map((id) => [id, read(TABLES[id].envVar)])) as Record<T, string>;
  if (missing.length > 0) throw new Error(`missing environment variables: ${missing.join(', ')}`);
  const redrivePrincipalId = source[REDRIVE_PRINCIPAL_VARIABLE]?.trim();
  const consoleSenderPrincipalId = source[CONSOLE_SENDER_PRINCIPAL_VARIABLE]?.trim();
  return {
    stage,
    queueUrlBase,
    tables: names,
    ...(redrivePrincipalId ? { redrivePrincipalId } : {}),
    ...(consoleSenderPrincipalId ? { consoleSenderPrincipalId } : {}),
  };
}
