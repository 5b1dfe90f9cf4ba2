// The reliability suite's template access check (test/reliability/support/template-access.ts)
// must see a grant written as a partial wildcard (`…-out-*`) as a grant on every queue it
// matches: checked here by adding such grants to the synthesized templates.
import { Template } from 'aws-cdk-lib/assertions';
import { expect, it } from 'vitest';
import { outboundQueue } from '../../shared/resources/queues.ts';
import { outboundAccess } from '../reliability/support/template-access.ts';
import { synthesize, type Synthesized } from './synth.ts';

const PATTERN = 'arn:aws-cn:sqs:cn-north-1:000000000000:linkage-prod-out-*';

function withExtra(s: Synthesized, resources: Record<string, unknown>): Synthesized {
  const json = <T>(t: Template) => t.toJSON() as { Resources: Record<string, T> };
  return {
    ...s,
    all: Template.fromJSON({ Resources: { ...json(s.all).Resources, ...resources } }),
    queues: Template.fromJSON({ Resources: { ...json(s.queues).Resources, ...resources } }),
  };
}

it('counts partial wildcards in IAM resources and key encryption contexts as grants', () => {
  const s = synthesize();
  const names = s.registry.institutions.map((i) => outboundQueue('prod', i.id).name);
  const clean = outboundAccess(s, names);
  expect(clean.iamReceivers).toEqual([]);

  const stranger = '999999999999';
  const keyId = Object.keys((s.queues.toJSON() as { Resources: Record<string, { Type: string }> }).Resources).find(
    (id) =>
      (s.queues.toJSON() as { Resources: Record<string, { Type: string }> }).Resources[id]!.Type === 'AWS::KMS::Key' &&
      id.startsWith('KeyFJ'),
  )!;
  const key = (
    s.queues.toJSON() as { Resources: Record<string, { Properties: { KeyPolicy: { Statement: unknown[] } } }> }
  ).Resources[keyId]!;
  const widened = structuredClone(key);
  widened.Properties.KeyPolicy.Statement.push({
    Effect: 'Allow',
    Principal: { AWS: `arn:aws-cn:iam::${stranger}:root` },
    Action: 'kms:Decrypt',
    Resource: '*',
    Condition: { StringLike: { 'kms:EncryptionContext:aws:sqs:arn': PATTERN } },
  });
  const tampered = withExtra(s, {
    ReaderPolicy: {
      Type: 'AWS::IAM::Policy',
      Properties: {
        PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'sqs:Receive*', Resource: PATTERN }] },
        Roles: ['someone'],
      },
    },
    [keyId]: widened,
  });
  const access = outboundAccess(tampered, names);
  expect(access.iamReceivers).toEqual([`ReaderPolicy: ${PATTERN}`]);
  const decryptable = [...access.outbound].filter(([, a]) => a.decrypters.has(stranger)).map(([q]) => q);
  expect(decryptable.length).toBeGreaterThan(0);
});
