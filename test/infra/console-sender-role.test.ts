// The service's console-sender role, spelled out independently of the construct: it sends to
// inbound queues only (never a dead-letter queue) and uses their keys only through SQS for
// those queues; nothing else. The ingest functions, and only they, are told its unique id.
import { beforeAll, describe, expect, it } from 'vitest';
import { resourcesOf, roleGrants, sqsArn, statementsOf, synthesize, type Synthesized } from './synth.ts';

const VIA_SQS = 'sqs.cn-north-1.amazonaws.com*';
const ANY_KEY = 'arn:aws-cn:kms:cn-north-1:000000000000:key/*';

let s: Synthesized;
let roleId: string;
let grants: string[];

beforeAll(() => {
  s = synthesize();
  [roleId] = resourcesOf(s.stateless, 'AWS::IAM::Role').find(
    ([, r]) => r.Properties.RoleName === 'linkage-prod-console-sender',
  )!;
  grants = roleGrants(s.stateless, roleId);
});

describe('the console-sender role', () => {
  it('is linkage-<stage>-console-sender, assumable only as the account decides, with no managed policy', () => {
    const [, role] = resourcesOf(s.stateless, 'AWS::IAM::Role').find(([id]) => id === roleId)!;
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    expect(statementsOf(role.Properties.AssumeRolePolicyDocument)).toEqual([
      { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { AWS: 'arn:aws-cn:iam::000000000000:root' } },
    ]);
  });

  it('sends to inbound queues, never to their dead-letter queues, keys only through SQS for them: nothing else', () => {
    const inbound = sqsArn('linkage-prod-in-*');
    const context = `StringLike kms:EncryptionContext:aws:sqs:arn=${inbound}; StringLike kms:ViaService=${VIA_SQS}`;
    expect([...grants].sort()).toEqual(
      [
        `Allow | sqs:SendMessage | ${inbound} | `,
        `Deny | sqs:* | ${sqsArn('linkage-prod-in-*-dlq')} | `,
        `Allow | kms:GenerateDataKey | ${ANY_KEY} | ${context}`,
        `Allow | kms:Decrypt | ${ANY_KEY} | ${context}`,
      ].sort(),
    );
  });

  it('its unique id is told to the ingest functions, and to no other function', () => {
    for (const [, fn] of resourcesOf(s.stateless, 'AWS::Lambda::Function')) {
      const name = (fn.Properties.FunctionName as string).replace('linkage-prod-', '');
      const env = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      if (name.startsWith('ingest-'))
        expect(env.CONSOLE_SENDER_PRINCIPAL_ID, name).toEqual({ 'Fn::GetAtt': [roleId, 'RoleId'] });
      else expect(env.CONSOLE_SENDER_PRINCIPAL_ID, name).toBeUndefined();
    }
  });
});
