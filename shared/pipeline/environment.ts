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
}

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
  return { stage, queueUrlBase, tables: names };
}
