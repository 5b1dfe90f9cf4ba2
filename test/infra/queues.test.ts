// Queues: encryption, dead-letter queues, retention, visibility, and who may use each one.
import { beforeAll, describe, expect, it } from 'vitest';
import { OUTBOUND_READ_ACTIONS } from '../../infra/constructs/institution-queues.ts';
import {
  evaluateQueue,
  inboundQueue,
  MAX_RECEIVE_COUNT,
  outboundQueue,
  RETENTION_SECONDS,
  VISIBILITY_FACTOR,
} from '../../shared/resources/queues.ts';
import { FUNCTION_TIMEOUT_SECONDS } from '../../shared/resources/functions.ts';
import { isSender, roleArnOf } from '../../shared/resources/registry.ts';
import { groupOf } from '../../infra/institution-groups.ts';
import {
  ACCOUNT,
  eventSources,
  list,
  render,
  resourcesOf,
  sqsArn,
  statementsOf,
  synthesize,
  type Resource,
  type Synthesized,
} from './synth.ts';

let s: Synthesized;
let queues: Map<string, [string, Resource]>; // by queue name
let policyOf: (logicalId: string) => ReturnType<typeof statementsOf>;

beforeAll(() => {
  s = synthesize();
  queues = new Map(
    resourcesOf(s.queues, 'AWS::SQS::Queue').map(([id, queue]) => [queue.Properties.QueueName as string, [id, queue]]),
  );
  const policies = resourcesOf(s.queues, 'AWS::SQS::QueuePolicy');
  policyOf = (logicalId) => {
    const found = policies.filter(([, policy]) =>
      (policy.Properties.Queues as unknown[]).some((ref) => render(ref) === `\${${logicalId}}`),
    );
    expect(found, `one policy for ${logicalId}`).toHaveLength(1);
    return statementsOf(found[0]![1].Properties.PolicyDocument);
  };
});

const dlqNames = (): Set<string> =>
  new Set(
    [...queues.values()]
      .map(
        ([, q]) => (q.Properties.RedrivePolicy as { deadLetterTargetArn?: unknown } | undefined)?.deadLetterTargetArn,
      )
      .filter(Boolean)
      .map((arn) => render(arn)),
  );

describe('queues', () => {
  it('exist for every sender (inbound), every institution (outbound) and evaluation, each with its DLQ', () => {
    const expected = [
      evaluateQueue('prod'),
      ...s.registry.institutions.filter(isSender).map((inst) => inboundQueue('prod', inst.id)),
      ...s.registry.institutions.map((inst) => outboundQueue('prod', inst.id)),
    ];
    expect([...queues.keys()].sort()).toEqual(expected.flatMap((def) => [def.name, def.dlqName]).sort());
  });

  it('are all encrypted with a customer-managed key of this stack and keep messages 14 days', () => {
    const keys = new Set(resourcesOf(s.queues, 'AWS::KMS::Key').map(([id]) => `${id}.Arn`));
    for (const [name, [, queue]] of queues) {
      expect(keys.has(render(queue.Properties.KmsMasterKeyId)), `${name} key`).toBe(true);
      expect(queue.Properties.MessageRetentionPeriod, name).toBe(RETENTION_SECONDS);
      expect(queue.Properties.MessageRetentionPeriod, name).toBe(14 * 24 * 3600);
      expect(queue.DeletionPolicy, name).toBe('RetainExceptOnCreate');
    }
  });

  it('each have a dead-letter queue of their own after 3-5 receives; DLQs have none', () => {
    const used = new Map<string, string>();
    for (const [name, [, queue]] of queues) {
      const redrive = queue.Properties.RedrivePolicy as
        { deadLetterTargetArn: unknown; maxReceiveCount: number } | undefined;
      if (name.includes('-dlq')) {
        expect(redrive, `${name} is a DLQ`).toBeUndefined();
        continue;
      }
      expect(redrive, `${name} has a DLQ`).toBeDefined();
      expect(redrive!.maxReceiveCount).toBe(MAX_RECEIVE_COUNT);
      expect(redrive!.maxReceiveCount).toBeGreaterThanOrEqual(3);
      expect(redrive!.maxReceiveCount).toBeLessThanOrEqual(5);
      const target = render(redrive!.deadLetterTargetArn);
      const [dlqId, dlq] = [...queues.values()].find(([id]) => `${id}.Arn` === target)!;
      expect(dlq.Properties.QueueName).toBe(name.replace(/(\.fifo)?$/, '-dlq$1'));
      expect(used.has(dlqId), `${dlqId} shared`).toBe(false);
      used.set(dlqId, name);
    }
    expect(used.size).toBe(queues.size / 2);
    expect(dlqNames().size).toBe(queues.size / 2);
  });

  it('evaluation is FIFO without content-based deduplication, with a FIFO DLQ', () => {
    const def = evaluateQueue('prod');
    for (const name of [def.name, def.dlqName]) {
      const [, queue] = queues.get(name)!;
      expect(queue.Properties.FifoQueue, name).toBe(true);
      expect(queue.Properties.ContentBasedDeduplication, name).toBe(false);
    }
    const standard = [...queues.keys()].filter((name) => !name.endsWith('.fifo'));
    for (const name of standard) expect(queues.get(name)![1].Properties.FifoQueue, name).toBeUndefined();
  });

  it('have visibility timeouts of at least 6 × the timeout of the function consuming them', () => {
    const functions = new Map(
      resourcesOf(s.stateless, 'AWS::Lambda::Function').map(([, fn]) => [
        String(fn.Properties.FunctionName),
        fn.Properties,
      ]),
    );
    const consumed = new Set<string>();
    for (const { functionName, queueName: name } of eventSources(s)) {
      const fn = functions.get(functionName)!;
      expect(fn, functionName).toBeDefined();
      const [, queue] = queues.get(name) ?? [];
      expect(queue, `${functionName} consumes a queue of the app`).toBeDefined();
      expect(queue!.Properties.VisibilityTimeout as number, name).toBeGreaterThanOrEqual(
        VISIBILITY_FACTOR * (fn.Timeout as number),
      );
      consumed.add(name);
    }
    // Every inbound and the evaluate queue has a consumer; nothing consumes outbound queues or DLQs.
    const expectedConsumed = [...queues.keys()].filter((name) => !name.includes('-dlq') && !name.includes('-out-'));
    expect([...consumed].sort()).toEqual(expectedConsumed.sort());
    expect(queues.get(evaluateQueue('prod').name)![1].Properties.VisibilityTimeout).toBe(
      6 * FUNCTION_TIMEOUT_SECONDS.evaluate,
    );
  });

  it('refuse every request not made over TLS', () => {
    for (const [name, [id]] of queues) {
      const deny = policyOf(id).filter((st) => st.Effect === 'Deny');
      expect(deny, name).toHaveLength(1);
      expect(deny[0]!.Condition).toEqual({ Bool: { 'aws:SecureTransport': 'false' } });
      expect(render(deny[0]!.Resource)).toBe(`${id}.Arn`);
    }
  });
});

describe('who may use the queues', () => {
  const allows = (id: string) => policyOf(id).filter((st) => st.Effect === 'Allow');

  it('an inbound queue lets only its institution send, and nothing else', () => {
    for (const inst of s.registry.institutions.filter(isSender)) {
      const [id] = queues.get(inboundQueue('prod', inst.id).name)!;
      const statements = allows(id);
      expect(statements, inst.id).toHaveLength(1);
      expect(list(statements[0]!.Action)).toEqual(['sqs:SendMessage']);
      expect(render((statements[0]!.Principal as { AWS: unknown }).AWS)).toBe(`arn:aws-cn:iam::${inst.accountId}:root`);
      expect(statements[0]!.Condition).toEqual({ ArnEquals: { 'aws:PrincipalArn': roleArnOf(inst, 'aws-cn') } });
      expect(render(statements[0]!.Resource)).toBe(`${id}.Arn`);
    }
  });

  it('an outbound queue lets only its institution receive, delete, extend and inspect', () => {
    for (const inst of s.registry.institutions) {
      const [id] = queues.get(outboundQueue('prod', inst.id).name)!;
      const statements = allows(id);
      expect(statements, inst.id).toHaveLength(1);
      expect(list(statements[0]!.Action).sort()).toEqual([...OUTBOUND_READ_ACTIONS].sort());
      expect(render((statements[0]!.Principal as { AWS: unknown }).AWS)).toBe(`arn:aws-cn:iam::${inst.accountId}:root`);
      expect(statements[0]!.Condition).toEqual({ ArnEquals: { 'aws:PrincipalArn': roleArnOf(inst, 'aws-cn') } });
    }
  });

  it('DLQs, the evaluate queue and non-sending institutions grant no one else anything', () => {
    const open = [...queues.entries()].filter(([name]) => name.includes('-dlq') || name.includes('-evaluate'));
    for (const [name, [id]] of open) expect(allows(id), name).toEqual([]);
    for (const inst of s.registry.institutions.filter((i) => !isSender(i))) {
      expect(queues.has(inboundQueue('prod', inst.id).name), inst.id).toBe(false);
    }
  });

  it("an institution's statement on its group's key serves only its role, only through SQS, only for its own queues", () => {
    for (const [group, template] of s.institutions) {
      const keys = resourcesOf(template, 'AWS::KMS::Key');
      expect(keys, group).toHaveLength(1);
      const [keyId, key] = keys[0]!;
      expect(key.Properties.EnableKeyRotation, group).toBe(true);
      const members = s.registry.institutions.filter((inst) => groupOf(inst) === group);
      const foreign = statementsOf(key.Properties.KeyPolicy).filter(
        (st) => render((st.Principal as { AWS: unknown }).AWS) !== `arn:aws-cn:iam::${ACCOUNT}:root`,
      );
      expect(foreign, group).toHaveLength(members.length);
      for (const inst of members) {
        const own = [...(isSender(inst) ? [inboundQueue('prod', inst.id)] : []), outboundQueue('prod', inst.id)];
        const mine = foreign.filter(
          (st) => render((st.Principal as { AWS: unknown }).AWS) === `arn:aws-cn:iam::${inst.accountId}:root`,
        );
        expect(mine, inst.id).toHaveLength(1);
        const st = mine[0]!;
        expect(st.Effect).toBe('Allow');
        expect(list(st.Action).sort()).toEqual(
          isSender(inst) ? ['kms:Decrypt', 'kms:GenerateDataKey'] : ['kms:Decrypt'],
        );
        expect(st.Condition!.StringLike!['kms:ViaService']).toBe('sqs.cn-north-1.amazonaws.com*');
        expect(st.Condition!.ArnEquals!['aws:PrincipalArn']).toBe(roleArnOf(inst, 'aws-cn'));
        expect(
          list(st.Condition!.StringEquals!['kms:EncryptionContext:aws:sqs:arn'] as string | string[]).sort(),
        ).toEqual(own.map((def) => sqsArn(def.name)).sort());
      }
      // The group's queues, and only they, use its key.
      const encrypted = [...queues.entries()]
        .filter(([, [, q]]) => render(q.Properties.KmsMasterKeyId) === `${keyId}.Arn`)
        .map(([name]) => name);
      const expected = members.flatMap((inst) => [
        ...(isSender(inst) ? [inboundQueue('prod', inst.id)] : []),
        outboundQueue('prod', inst.id),
      ]);
      expect(encrypted.sort(), group).toEqual(expected.flatMap((def) => [def.name, def.dlqName]).sort());
    }
  });

  it('the data key and alarm key grant nothing to other accounts', () => {
    for (const [id, key] of resourcesOf(s.stateful, 'AWS::KMS::Key')) {
      const principals = statementsOf(key.Properties.KeyPolicy).map(
        (st) => st.Principal as { AWS?: unknown; Service?: unknown },
      );
      for (const principal of principals) {
        if (principal.AWS !== undefined) expect(render(principal.AWS), id).toBe(`arn:aws-cn:iam::${ACCOUNT}:root`);
        else
          expect(list(principal.Service), id).toSatisfy((services: unknown[]) =>
            services.every((service) =>
              [
                'cloudwatch.amazonaws.com',
                'logs.cn-north-1.amazonaws.com',
                'logs.cn-north-1.amazonaws.com.cn',
              ].includes(String(service)),
            ),
          );
      }
      expect(key.Properties.EnableKeyRotation, id).toBe(true);
    }
  });
});
