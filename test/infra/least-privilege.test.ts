// Least privilege: each function's role allows exactly the actions it needs on its own
// tables, queues, keys and log group, spelled out here independently of the stacks.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FunctionName } from '../../shared/resources/functions.ts';
import { evaluateQueue } from '../../shared/resources/queues.ts';
import { TABLES, tableName, type TableId } from '../../shared/resources/tables.ts';
import {
  exportsOf,
  list,
  render,
  resourcesOf,
  sqsArn,
  statementsOf,
  synthesize,
  tableArnOf,
  type Synthesized,
} from './synth.ts';

const READ = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
const WRITE = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
const CONSUME = [
  'sqs:ReceiveMessage',
  'sqs:DeleteMessage',
  'sqs:ChangeMessageVisibility',
  'sqs:GetQueueAttributes',
  'sqs:GetQueueUrl',
];
const VIA_DYNAMODB = 'dynamodb.cn-north-1.amazonaws.com*';
const VIA_SQS = 'sqs.cn-north-1.amazonaws.com*';

let s: Synthesized;
let keyOf: (aliasSuffix: string) => string;
/** Every allowed (action, resource, conditions) of each function's role, one string each. */
let grants: Map<FunctionName, Set<string>>;

function grant(action: string, resource: string, via = '', context = ''): string {
  return [action, resource, via, context].join(' | ');
}

beforeAll(() => {
  s = synthesize();
  const exports = exportsOf(s.stateful);
  const aliases = new Map(
    resourcesOf(s.stateful, 'AWS::KMS::Alias').map(([, a]) => [
      a.Properties.AliasName as string,
      render(a.Properties.TargetKeyId),
    ]),
  );
  keyOf = (suffix) => aliases.get(`alias/linkage-prod-${suffix}`)!;
  // Role ARN → [function name, logical id of its log group].
  const roles = new Map(
    resourcesOf(s.stateless, 'AWS::Lambda::Function').map(([, fn]) => [
      render(fn.Properties.Role),
      [
        (fn.Properties.FunctionName as string).replace('linkage-prod-', ''),
        render((fn.Properties.LoggingConfig as { LogGroup: unknown }).LogGroup).replace(/^\$\{|\}$/g, ''),
      ],
    ]),
  );
  grants = new Map();
  for (const [, policy] of resourcesOf(s.stateless, 'AWS::IAM::Policy')) {
    const roleIds = (policy.Properties.Roles as unknown[]).map((r) => `${render(r).replace(/^\$\{|\}$/g, '')}.Arn`);
    expect(roleIds).toHaveLength(1);
    // The redrive and console-sender roles are no function's: their own tests are in redrive-role.test.ts.
    if (/^(RedriveRole|ConsoleSenderRole)/.test(roleIds[0]!)) continue;
    const [name, logGroupId] = roles.get(roleIds[0]!)! as [FunctionName, string];
    const set = grants.get(name) ?? new Set<string>();
    for (const st of statementsOf(policy.Properties.PolicyDocument)) {
      expect(st.Effect).toBe('Allow');
      const conditions = { ...st.Condition?.StringEquals, ...st.Condition?.StringLike };
      expect(Object.keys(st.Condition ?? {}).filter((op) => op !== 'StringEquals' && op !== 'StringLike')).toEqual([]);
      // Patterns: ViaService, and the encryption context of the institution queues' name pattern.
      expect(
        Object.keys(st.Condition?.StringLike ?? {}).filter(
          (k) => k !== 'kms:ViaService' && k !== 'kms:EncryptionContext:aws:sqs:arn',
        ),
      ).toEqual([]);
      for (const action of list(st.Action)) {
        for (const resource of list(st.Resource)) {
          const rendered = render(resource, exports).replace(`${logGroupId}.Arn`, 'OWN_LOG_GROUP.Arn');
          set.add(
            grant(
              action,
              rendered,
              conditions['kms:ViaService'] ? render(conditions['kms:ViaService']) : '',
              conditions['kms:EncryptionContext:aws:sqs:arn']
                ? render(conditions['kms:EncryptionContext:aws:sqs:arn'])
                : '',
            ),
          );
        }
      }
    }
    grants.set(name, set);
  }
});

/** What every function gets: its own log group (no X-Ray in China). */
function baseline(): string[] {
  return [grant('logs:CreateLogStream', 'OWN_LOG_GROUP.Arn'), grant('logs:PutLogEvents', 'OWN_LOG_GROUP.Arn')];
}

function table(id: TableId, access: 'readWrite' | 'read' | 'put' | 'update'): string[] {
  const arn = tableArnOf(tableName('prod', id));
  const actions = {
    readWrite: [...READ, ...WRITE],
    read: READ,
    put: ['dynamodb:PutItem'],
    update: ['dynamodb:UpdateItem'],
  }[access];
  return actions.map((action) => grant(action, arn));
}

function tableKey(write: boolean): string[] {
  const actions = ['kms:Decrypt', 'kms:DescribeKey', ...(write ? ['kms:Encrypt', 'kms:GenerateDataKey'] : [])];
  return actions.map((action) => grant(action, keyOf('data'), VIA_DYNAMODB));
}

function send(queueName: string, key: string): string[] {
  const arn = sqsArn(queueName);
  return [
    grant('sqs:SendMessage', arn),
    grant('kms:GenerateDataKey', key, VIA_SQS, arn),
    grant('kms:Decrypt', key, VIA_SQS, arn),
  ];
}

function consume(queueName: string, key: string): string[] {
  return [...CONSUME.map((action) => grant(action, sqsArn(queueName))), grant('kms:Decrypt', key)];
}

const ANY_KEY = 'arn:aws-cn:kms:cn-north-1:000000000000:key/*';

/** The institution queues by name pattern: `in` to consume (its event sources), `out` to send. */
function institutionQueues(direction: 'in' | 'out'): string[] {
  const pattern = sqsArn(`linkage-prod-${direction}-*`);
  return direction === 'in'
    ? [...CONSUME.map((action) => grant(action, pattern)), grant('kms:Decrypt', ANY_KEY, VIA_SQS, pattern)]
    : [
        grant('sqs:SendMessage', pattern),
        grant('kms:GenerateDataKey', ANY_KEY, VIA_SQS, pattern),
        grant('kms:Decrypt', ANY_KEY, VIA_SQS, pattern),
      ];
}

describe('least privilege', () => {
  it('no function may use a wildcard action, and only X-Ray is granted on every resource', () => {
    for (const [name, set] of grants) {
      for (const entry of set) {
        const [action, resource] = entry.split(' | ');
        expect(action, `${name}: ${entry}`).not.toContain('*');
        if (resource === '*') expect(action, `${name}: ${entry}`).toMatch(/^xray:Put(TraceSegments|TelemetryRecords)$/);
      }
    }
  });

  it('each ingest function: its cases and quarantine records, their assessment counters (update only), the evaluate queue, and the institution queues; only ingest-ruling its idempotency records', () => {
    const ingests: [FunctionName, boolean][] = [
      ['ingest-status', false],
      ['ingest-dossier', false],
      ['ingest-ruling', true],
    ];
    for (const [name, acceptsOnce] of ingests) {
      const expected = [
        ...baseline(),
        ...table('cases', 'readWrite'),
        ...(acceptsOnce ? table('idempotency', 'readWrite') : []),
        ...table('quarantine', 'put'),
        ...table('assessment', 'update'),
        ...tableKey(true),
        ...send(evaluateQueue('prod').name, keyOf('data')),
        ...institutionQueues('in'),
        ...institutionQueues('out'),
      ];
      expect([...grants.get(name)!].sort(), name).toEqual([...new Set(expected)].sort());
    }
  });

  it('evaluate: cases, decisions, the access log (put only), the assessment counters (update only), the evaluate queue, and every outbound queue', () => {
    const expected = [
      ...baseline(),
      ...table('cases', 'readWrite'),
      ...table('decisions', 'readWrite'),
      ...table('access', 'put'),
      ...table('assessment', 'update'),
      ...tableKey(true),
      ...consume(evaluateQueue('prod').name, keyOf('data')),
      ...institutionQueues('out'),
    ];
    expect([...grants.get('evaluate')!].sort()).toEqual([...new Set(expected)].sort());
  });

  it('sweep-deadlines: queries the deadline index and sends to the evaluate queue, nothing more', () => {
    const index = TABLES.cases.globalIndexes[0].indexName;
    const expected = [
      ...baseline(),
      grant('dynamodb:Query', `${tableArnOf(tableName('prod', 'cases'))}/index/${index}`),
      ...tableKey(false),
      ...send(evaluateQueue('prod').name, keyOf('data')),
    ];
    expect([...grants.get('sweep-deadlines')!].sort()).toEqual([...new Set(expected)].sort());
  });

  it('reconcile-assessment: reads the source records through their indexes and the counters, writes nothing', () => {
    const index = (id: TableId, name: string) =>
      grant('dynamodb:Query', `${tableArnOf(tableName('prod', id))}/index/${name}`);
    const expected = [
      ...baseline(),
      index('cases', 'byPrison'),
      index('cases', 'byHearingCourt'),
      index('cases', 'requestsByEnforcingCourt'),
      index('quarantine', 'byQueueOwner'),
      ...table('decisions', 'read'),
      ...table('access', 'read'),
      ...table('assessment', 'read'),
      ...tableKey(false),
    ];
    expect([...grants.get('reconcile-assessment')!].sort()).toEqual([...new Set(expected)].sort());
  });

  it('each function is told the names of exactly the tables it may use', () => {
    const envVars = new Set<string>(Object.values(TABLES).map((t) => t.envVar));
    for (const [, fn] of resourcesOf(s.stateless, 'AWS::Lambda::Function')) {
      const name = (fn.Properties.FunctionName as string).replace('linkage-prod-', '') as FunctionName;
      const env = (fn.Properties.Environment as { Variables: Record<string, string> }).Variables;
      const told = Object.values(TABLES).filter((t) => env[t.envVar] !== undefined);
      for (const t of told) expect(env[t.envVar], name).toBe(tableName('prod', t.id));
      const allowed = Object.values(TABLES).filter((t) =>
        [...grants.get(name)!].some((g) => g.includes(`:table/${tableName('prod', t.id)}`)),
      );
      expect(
        told.map((t) => t.id),
        name,
      ).toEqual(allowed.map((t) => t.id));
      expect(
        Object.keys(env)
          .filter((k) => k.endsWith('_TABLE'))
          .every((k) => envVars.has(k)),
      ).toBe(true);
    }
  });
});
