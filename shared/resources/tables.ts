// DynamoDB tables: names, keys and indexes, defined once for the CDK stateful stack and
// for the local mode's provisioning. All keys are strings.
//
//   cases       pk P#<personId>        sk S#<judgmentId>#<itemNo>   newest status of an item
//                                      sk A#<applicationId>         application: dossier, ruling, revision, deadlines
//                                      sk V#<requestId>             verification request sent
//               pk APP#<applicationId> sk APP                       which prisoner an application belongs to
//                                      sk R#<rulingRef>             a ruling as received (may precede its dossier)
//               GSI byDeadline: dueShard (S) + nextCheckAt (S, instant in UTC) on application items,
//                               keys only (the sweeper needs pk and sk: personId and applicationId)
//               GSI byHearingCourt / byPrison: hearingCourtId / prisonId + firstSubmittedUtc on
//                               application items: the console's case lists, newest first
//               GSI requestsByEnforcingCourt / requestsByPrison: enforcingCourtId / prisonId + dueAt
//                               on verification requests: the console's request lists by due date
//                               (the court's also the sent and answered marks, for the assessment)
//   decisions   pk A#<applicationId>   sk R#<revision, 6 digits>    every flag revision, append-only, with its inputs
//   access      pk I#<institutionId>   sk <sentAt>#<messageId>      what each institution was sent or viewed
//               GSI viewsByCasePrison: casePrisonId + sk on console case views (the procuratorate's review)
//   quarantine  pk <quarantineRef>                                  raw text of every rejected message
//               GSI byQueueOwner: queueOwnerId + receivedAt (rejections an institution received)
//   idempotency pk id                                               Powertools idempotency records (TTL expiration)
//   assessment  pk <institutionId>#<yyyy-mm> sk <yyyy-mm-dd>#<hex>  assessment counters of one institution and local day (up to 4,096 shards)
//                                                                   (docs/assessment.md), with the tokens of the events counted

export interface KeyAttribute {
  readonly name: string;
  readonly type: 'S' | 'N';
}

/** What a global index copies of each item besides the keys (table and index keys are always there). */
export type IndexProjection =
  | { readonly type: 'KEYS_ONLY' }
  | { readonly type: 'INCLUDE'; readonly nonKeyAttributes: readonly string[] }
  | { readonly type: 'ALL' };

export interface IndexDefinition {
  readonly indexName: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
  /**
   * Every write that changes a projected attribute also writes the index, so project only what
   * the index's reader needs.
   */
  readonly projection: IndexProjection;
}

export interface TableDefinition {
  /** Stable id used for CDK construct ids and environment variable names. */
  readonly id: 'cases' | 'decisions' | 'access' | 'quarantine' | 'idempotency' | 'assessment';
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
  readonly globalIndexes?: readonly IndexDefinition[];
  readonly timeToLiveAttribute?: string;
  /** Environment variable that carries the table name to the functions. */
  readonly envVar: string;
}

/** The cases table's index of applications by next deadline check (the sweeper's query). */
export const DEADLINE_INDEX = 'byDeadline';

const pk: KeyAttribute = { name: 'pk', type: 'S' };
const sk: KeyAttribute = { name: 'sk', type: 'S' };

/**
 * What a case list row shows. Only the evaluation's decision, revision and time change after the
 * first dossier, so a revision writes each list index once; deadlines and delivery marks do not.
 */
export const CASE_LIST_ATTRIBUTES = [
  'applicationId',
  'prisonId',
  'hearingCourtId',
  'listing',
  'decision',
  'revision',
  'evaluatedAt',
  'closed',
  'rulings',
] as const;

/**
 * What a verification request row shows (the request body and its court): fixed when the
 * request is stored, so its sent and answered marks write no list entry.
 */
export const REQUEST_LIST_ATTRIBUTES = ['body', 'enforcingCourtId', 'prisonId'] as const;
/**
 * The enforcing court's index also carries the marks: the assessment counts its requests
 * answered and overdue from them (shared/assessment). Each mark then writes this one entry.
 */
export const REQUEST_ASSESSMENT_ATTRIBUTES = [...REQUEST_LIST_ATTRIBUTES, 'sent', 'answeredAt'] as const;

const caseListIndex = (indexName: string, partition: string): IndexDefinition => ({
  indexName,
  partitionKey: { name: partition, type: 'S' },
  sortKey: { name: 'firstSubmittedUtc', type: 'S' },
  projection: { type: 'INCLUDE', nonKeyAttributes: CASE_LIST_ATTRIBUTES },
});
const requestListIndex = (
  indexName: string,
  partition: string,
  nonKeyAttributes: readonly string[],
): IndexDefinition => ({
  indexName,
  partitionKey: { name: partition, type: 'S' },
  sortKey: { name: 'dueAt', type: 'S' },
  projection: { type: 'INCLUDE', nonKeyAttributes },
});

export const TABLES = {
  cases: {
    id: 'cases',
    partitionKey: pk,
    sortKey: sk,
    globalIndexes: [
      {
        indexName: DEADLINE_INDEX,
        partitionKey: { name: 'dueShard', type: 'S' },
        sortKey: { name: 'nextCheckAt', type: 'S' },
        // The sweeper reads pk (personId), sk (applicationId) and nextCheckAt: all keys. With
        // ALL, every evaluation-state update rewrote the ~1 KB copy of the application item.
        projection: { type: 'KEYS_ONLY' },
      },
      caseListIndex('byHearingCourt', 'hearingCourtId'),
      caseListIndex('byPrison', 'prisonId'),
      requestListIndex('requestsByEnforcingCourt', 'enforcingCourtId', REQUEST_ASSESSMENT_ATTRIBUTES),
      requestListIndex('requestsByPrison', 'prisonId', REQUEST_LIST_ATTRIBUTES),
    ],
    envVar: 'CASES_TABLE',
  },
  decisions: { id: 'decisions', partitionKey: pk, sortKey: sk, envVar: 'DECISIONS_TABLE' },
  access: {
    id: 'access',
    partitionKey: pk,
    sortKey: sk,
    globalIndexes: [
      {
        indexName: 'viewsByCasePrison',
        partitionKey: { name: 'casePrisonId', type: 'S' },
        sortKey: sk,
        projection: { type: 'ALL' },
      },
    ],
    envVar: 'ACCESS_TABLE',
  },
  quarantine: {
    id: 'quarantine',
    partitionKey: pk,
    globalIndexes: [
      {
        indexName: 'byQueueOwner',
        partitionKey: { name: 'queueOwnerId', type: 'S' },
        sortKey: { name: 'receivedAt', type: 'S' },
        projection: { type: 'INCLUDE', nonKeyAttributes: ['problems', 'reason', 'queue', 'rejectedMessageId'] },
      },
    ],
    envVar: 'QUARANTINE_TABLE',
  },
  idempotency: {
    id: 'idempotency',
    partitionKey: { name: 'id', type: 'S' },
    timeToLiveAttribute: 'expiration',
    envVar: 'IDEMPOTENCY_TABLE',
  },
  assessment: { id: 'assessment', partitionKey: pk, sortKey: sk, envVar: 'ASSESSMENT_TABLE' },
} as const satisfies Record<string, TableDefinition>;

export type TableId = keyof typeof TABLES;

/** Physical table name for a deployment stage, e.g. `linkage-local-cases`. */
export function tableName(stage: string, id: TableId): string {
  return `linkage-${stage}-${id}`;
}

/**
 * Number of shards of the deadline index, so its writes (and the sweeper's reads) spread over
 * partition key values, each good for 1,000 writes a second. Raising it is safe on live data:
 * the sweeper queries every shard 0..N-1, which includes every smaller count's shards.
 */
export const DEADLINE_SHARDS = 16;
