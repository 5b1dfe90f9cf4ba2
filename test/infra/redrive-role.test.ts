// The service's redrive role, spelled out independently of the construct: it reads and deletes
// dead letters, counts them, sends only to their source queues (never to a DLQ), uses the
// queues' keys only through SQS and only for those queues, and reads the failure notes of the
// quarantine table (by key, `failure#` items only); nothing else. The ingest functions,
// and only they, are told its unique id.
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateQueue } from '../../shared/resources/queues.ts';
import {
  exportsOf,
  resourcesOf,
  roleGrants,
  sqsArn,
  statementsOf,
  synthesize,
  tableArnOf,
  type Synthesized,
} from './synth.ts';

const VIA_SQS = 'sqs.cn-north-1.amazonaws.com*';
const VIA_DYNAMODB = 'dynamodb.cn-north-1.amazonaws.com*';
const ANY_KEY = 'arn:aws-cn:kms:cn-north-1:000000000000:key/*';
const ROLE_ID = 'RedriveRoleFBBF9AD1';

let s: Synthesized;
/** Every (effect, action, resource, conditions) of the redrive role's policies, one string each. */
let grants: string[];

const grant = (effect: 'Allow' | 'Deny', action: string, resource: string, conditions = '') =>
  [effect, action, resource, conditions].join(' | ');

beforeAll(() => {
  s = synthesize();
  const exports = exportsOf(s.stateful);
  grants = roleGrants(s.stateless, ROLE_ID, exports);
});

describe('the redrive role', () => {
  it('is linkage-<stage>-redrive, assumable only as the account decides (its IAM policies), with no managed policy', () => {
    const [, role] = resourcesOf(s.stateless, 'AWS::IAM::Role').find(([id]) => id === ROLE_ID)!;
    expect(role.Properties.RoleName).toBe('linkage-prod-redrive');
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    expect(statementsOf(role.Properties.AssumeRolePolicyDocument)).toEqual([
      { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { AWS: 'arn:aws-cn:iam::000000000000:root' } },
    ]);
  });

  it('reads and deletes dead letters, sends only to their source queues, keys only through SQS for those queues, reads failure notes: nothing else', () => {
    const evaluate = evaluateQueue('prod');
    const dlqs = [evaluate.dlqName, 'linkage-prod-in-*-dlq', 'linkage-prod-out-*-dlq'].map(sqsArn);
    const sources = [evaluate.name, 'linkage-prod-in-*', 'linkage-prod-out-*'].map(sqsArn);
    const institutionContext = `StringLike kms:EncryptionContext:aws:sqs:arn=${sqsArn('linkage-prod-in-*')},${sqsArn('linkage-prod-out-*')}; StringLike kms:ViaService=${VIA_SQS}`;
    const evaluateContext = `StringEquals kms:EncryptionContext:aws:sqs:arn=${sqsArn(evaluate.name)},${sqsArn(evaluate.dlqName)}; StringLike kms:ViaService=${VIA_SQS}`;
    const expected = [
      ...['sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'].flatMap((a) =>
        dlqs.map((q) => grant('Allow', a, q)),
      ),
      ...sources.map((q) => grant('Allow', 'sqs:SendMessage', q)),
      ...dlqs.map((q) => grant('Deny', 'sqs:SendMessage', q)),
      ...['kms:Decrypt', 'kms:GenerateDataKey'].map((a) => grant('Allow', a, ANY_KEY, institutionContext)),
      ...['kms:Decrypt', 'kms:GenerateDataKey'].map((a) => grant('Allow', a, 'DataKey17AFBB84.Arn', evaluateContext)),
      // `dlq show`: the failure notes of the quarantine table, by key, and nothing else of it.
      grant(
        'Allow',
        'dynamodb:BatchGetItem',
        tableArnOf('linkage-prod-quarantine'),
        'ForAllValues:StringLike dynamodb:LeadingKeys=failure#*',
      ),
      ...['kms:Decrypt', 'kms:DescribeKey'].map((a) =>
        grant('Allow', a, 'DataKey17AFBB84.Arn', `StringLike kms:ViaService=${VIA_DYNAMODB}`),
      ),
    ];
    expect([...grants].sort()).toEqual(expected.sort());
  });

  it('no wildcard action, and every KMS use goes through SQS or DynamoDB', () => {
    for (const g of grants) {
      const [effect, action, , conditions] = g.split(' | ');
      expect(action, g).toMatch(/^(sqs|kms|dynamodb):[A-Za-z]+$/);
      if (effect === 'Allow' && action!.startsWith('kms:'))
        expect(conditions, g).toMatch(/kms:ViaService=(sqs|dynamodb)\.cn-north-1\.amazonaws\.com\*/);
    }
  });

  it('its unique id is told to the ingest functions, and to no other function', () => {
    for (const [, fn] of resourcesOf(s.stateless, 'AWS::Lambda::Function')) {
      const name = (fn.Properties.FunctionName as string).replace('linkage-prod-', '');
      const env = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      if (name.startsWith('ingest-'))
        expect(env.REDRIVE_PRINCIPAL_ID, name).toEqual({ 'Fn::GetAtt': [ROLE_ID, 'RoleId'] });
      else expect(env.REDRIVE_PRINCIPAL_ID, name).toBeUndefined();
    }
  });
});
