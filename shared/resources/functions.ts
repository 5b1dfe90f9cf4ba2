// The function catalogue: every queue- and schedule-driven Lambda function of the service,
// with what feeds it, what it reads and writes, and (for ingest) which kind of institution it
// serves and which message schema that kind sends. The CDK stateless and institution stacks,
// local mode's functions and pollers, the registry's sending kinds, the contract schema per
// kind and the typed function names are all derived from here (test/infra/catalogue.test.ts
// fails if one of them disagrees). The handler of `<name>` is functions/<name>/handler.ts.
import { SCHEMA_NAMES, type InboundSchemaName } from '../contract/messages.ts';
import type { InstitutionKind } from './registry.ts';
import type { TableId } from './tables.ts';
import { DEADLINE_INDEX } from './tables.ts';

/** Function timeouts (seconds); the queue attributes are derived from them (queues.ts). */
export const FUNCTION_TIMEOUT_SECONDS = { ingest: 30, evaluate: 60, sweep: 60, reconcile: 900 } as const;

/** Memory of every function (MB): the CDK construct sets it, the bench prices GB-seconds with it. */
export const FUNCTION_MEMORY_MB = 512;

/** How often sweep-deadlines runs. */
export const SWEEP_RATE_MINUTES = 15;

/**
 * How a function may use a table: read and write items, only read them, only put new items,
 * only update items in place, or query one index.
 */
export type TableAccess = 'readWrite' | 'read' | 'put' | 'update' | { readonly queryIndex: string };

/** What starts a function: the inbound queues of one kind of institution, the evaluate queue, or a schedule. */
export type Trigger =
  | { readonly type: 'inbound'; readonly kind: InstitutionKind; readonly schema: InboundSchemaName }
  | { readonly type: 'evaluate-queue' }
  | { readonly type: 'schedule'; readonly rateMinutes: number }
  | { readonly type: 'nightly'; readonly utc: { readonly hour: number; readonly minute: number } };

/** Queues a function puts messages on: the evaluate queue, the institutions' outbound queues. */
export type SendsTo = 'evaluate' | 'outbound';

export interface FunctionDefinition {
  readonly description: string;
  readonly timeoutSeconds: number;
  readonly trigger: Trigger;
  /** The tables it is granted and told about (the environment variable of each), in grant order. */
  readonly tables: Readonly<Partial<Record<TableId, TableAccess | readonly TableAccess[]>>>;
  readonly sendsTo: readonly SendsTo[];
}

/** What the ingest functions share: timeout, queues sent to, the tables every one uses. */
const INGEST = {
  timeoutSeconds: FUNCTION_TIMEOUT_SECONDS.ingest,
  // Rejections go back to the sender's outbound queue.
  sendsTo: ['evaluate', 'outbound'],
} as const;
// Assessment counters: one conditional UpdateItem per counted event (docs/assessment.md).
const INGEST_TABLES = { cases: 'readWrite', quarantine: 'put', assessment: 'update' } as const;
const ingests = (kind: InstitutionKind) =>
  `Validates and stores messages from ${kind} institutions, then asks for re-evaluation`;

export const FUNCTIONS = {
  'ingest-status': {
    ...INGEST,
    description: ingests('ENFORCING_COURT'),
    trigger: { type: 'inbound', kind: 'ENFORCING_COURT', schema: SCHEMA_NAMES.enforcementStatus },
    tables: INGEST_TABLES,
  },
  'ingest-dossier': {
    ...INGEST,
    description: ingests('PRISON'),
    trigger: { type: 'inbound', kind: 'PRISON', schema: SCHEMA_NAMES.reductionDossier },
    tables: INGEST_TABLES,
  },
  'ingest-ruling': {
    ...INGEST,
    description: ingests('HEARING_COURT'),
    trigger: { type: 'inbound', kind: 'HEARING_COURT', schema: SCHEMA_NAMES.ruling },
    // Only rulings are accepted once per message (shared/pipeline/inbound/idempotency.ts).
    tables: { ...INGEST_TABLES, idempotency: 'readWrite' },
  },
  evaluate: {
    description: 'Evaluates an application and sends flags, copies and verification requests',
    timeoutSeconds: FUNCTION_TIMEOUT_SECONDS.evaluate,
    trigger: { type: 'evaluate-queue' },
    tables: { cases: 'readWrite', decisions: 'readWrite', access: 'put', assessment: 'update' },
    sendsTo: ['outbound'],
  },
  'sweep-deadlines': {
    description: `Every ${SWEEP_RATE_MINUTES} minutes, asks for re-evaluation of applications whose deadline has come`,
    timeoutSeconds: FUNCTION_TIMEOUT_SECONDS.sweep,
    trigger: { type: 'schedule', rateMinutes: SWEEP_RATE_MINUTES },
    tables: { cases: { queryIndex: DEADLINE_INDEX } },
    sendsTo: ['evaluate'],
  },
  'reconcile-assessment': {
    description: "Nightly, recomputes yesterday's assessment figures from the source records and reports differences",
    timeoutSeconds: FUNCTION_TIMEOUT_SECONDS.reconcile,
    // 01:30 China Standard Time: the day before is complete in every institution's offset.
    trigger: { type: 'nightly', utc: { hour: 17, minute: 30 } },
    // Reads the source records through their indexes only (no scan), writes nothing.
    tables: {
      cases: [{ queryIndex: 'byPrison' }, { queryIndex: 'byHearingCourt' }, { queryIndex: 'requestsByEnforcingCourt' }],
      quarantine: { queryIndex: 'byQueueOwner' },
      decisions: 'read',
      access: 'read',
      assessment: 'read',
    },
    sendsTo: [],
  },
} as const satisfies Record<string, FunctionDefinition>;

export type FunctionName = keyof typeof FUNCTIONS;
export const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];

type Catalogue = typeof FUNCTIONS;
/** The functions fed by institutions' inbound queues. */
export type IngestFunctionName = {
  [N in FunctionName]: Catalogue[N]['trigger'] extends { type: 'inbound' } ? N : never;
}[FunctionName];
type IngestTrigger<N extends IngestFunctionName> = Catalogue[N]['trigger'];

/** The kinds of institution that send messages to the service. */
export type SendingKind = IngestTrigger<IngestFunctionName>['kind'];
/** The schema an ingest function accepts. */
export type SchemaOfFunction<N extends IngestFunctionName> = IngestTrigger<N>['schema'];

export const INGEST_FUNCTION_NAMES = FUNCTION_NAMES.filter(
  (name): name is IngestFunctionName => FUNCTIONS[name].trigger.type === 'inbound',
);

/** Kinds that send messages to the service, and the schema each sends. */
export const SENDING_KINDS = Object.fromEntries(
  INGEST_FUNCTION_NAMES.map((name) => [FUNCTIONS[name].trigger.kind, FUNCTIONS[name].trigger.schema]),
) as { readonly [N in IngestFunctionName as IngestTrigger<N>['kind']]: IngestTrigger<N>['schema'] };

/** The ingest function that consumes the inbound queues of a kind of institution. */
export function ingestFunctionOf(kind: SendingKind): IngestFunctionName {
  const found = INGEST_FUNCTION_NAMES.find((name) => FUNCTIONS[name].trigger.kind === kind);
  if (!found) throw new Error(`no ingest function for ${kind}`);
  return found;
}

/** The sending kind an ingest function serves. */
export function kindOfFunction<N extends IngestFunctionName>(name: N): IngestTrigger<N>['kind'] {
  return FUNCTIONS[name].trigger.kind;
}

/** The tables a function uses, in grant order. */
export function tablesOf<N extends FunctionName>(name: N): (keyof Catalogue[N]['tables'] & TableId)[] {
  return Object.keys(FUNCTIONS[name].tables) as (keyof Catalogue[N]['tables'] & TableId)[];
}

/** What every function tells Powertools: its service name (logs, traces) and metrics namespace. */
export const POWERTOOLS_ENVIRONMENT = {
  POWERTOOLS_SERVICE_NAME: 'linkage',
  POWERTOOLS_METRICS_NAMESPACE: 'Linkage',
} as const;

/** The deployed function name for a stage, e.g. `linkage-local-evaluate`. */
export function functionName(stage: string, name: string): string {
  return `linkage-${stage}-${name}`;
}
