// Queues: encryption, dead-letter queues, retention, visibility, and who may use each one.
import { beforeAll, describe, expect, it } from 'vitest';
import { OUTBOUND_READ_ACTIONS } from '../../infra/constructs/institution-queues.ts';
import {
  evaluateQueue,
  FUNCTION_TIMEOUT_SECONDS,
  inboundQueue,
  MAX_RECEIVE_COUNT,
  outboundQueue,
  RETENTION_SECONDS,
  VISIBILITY_FACTOR,
} from '../../shared/resources/queues.ts';
import { isSender, roleArnOf } from '../../shared/resources/registry.ts';
import {
  ACCOUNT,
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
    resourcesOf(s.stateful, 'AWS::SQS::Queue').map(([id, queue]) => [
      queue.Properties.QueueName as string,
      [id, queue],
    ]),
  );
  const policies = resourcesOf(s.stateful, 'AWS::SQS::QueuePolicy');
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
    const keys = new Set(resourcesOf(s.stateful, 'AWS::KMS::Key').map(([id]) => `${id}.Arn`));
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
    const functions = new Map(resourcesOf(s.stateless, 'AWS::Lambda::Function').map(([id, fn]) => [id, fn.Properties]));
    const mappings = resourcesOf(s.stateless, 'AWS::Lambda::EventSourceMapping');
    const consumed = new Set<string>();
    for (const [id, mapping] of mappings) {
      const fn = functions.get(render(mapping.Properties.FunctionName).replace(/^\$\{|\}$/g, ''))!;
      const name = render(mapping.Properties.EventSourceArn).split(':').at(-1)!;
      const [, queue] = queues.get(name) ?? [];
      expect(queue, `${id} consumes a queue of the stateful stack`).toBeDefined();
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

  it("an institution's key serves only its account, only through SQS, only for its own queues", () => {
    const aliases = new Map(
      resourcesOf(s.stateful, 'AWS::KMS::Alias').map(([, alias]) => [
        alias.Properties.AliasName as string,
        render(alias.Properties.TargetKeyId),
      ]),
    );
    const keys = new Map(resourcesOf(s.stateful, 'AWS::KMS::Key').map(([id, key]) => [`${id}.Arn`, key]));
    for (const inst of s.registry.institutions) {
      const keyId = aliases.get(`alias/linkage-prod-${inst.id}`)!;
      const key = keys.get(keyId)!;
      expect(key.Properties.EnableKeyRotation, inst.id).toBe(true);
      const foreign = statementsOf(key.Properties.KeyPolicy).filter(
        (st) => render((st.Principal as { AWS: unknown }).AWS) !== `arn:aws-cn:iam::${ACCOUNT}:root`,
      );
      const expected = [
        ...(isSender(inst)
          ? [{ actions: ['kms:Decrypt', 'kms:GenerateDataKey'], queue: inboundQueue('prod', inst.id).name }]
          : []),
        { actions: ['kms:Decrypt'], queue: outboundQueue('prod', inst.id).name },
      ];
      expect(foreign, inst.id).toHaveLength(expected.length);
      foreign.forEach((st, i) => {
        expect(st.Effect).toBe('Allow');
        expect(render((st.Principal as { AWS: unknown }).AWS)).toBe(`arn:aws-cn:iam::${inst.accountId}:root`);
        expect(list(st.Action).sort()).toEqual(expected[i]!.actions);
        expect(st.Condition!.StringLike!['kms:ViaService']).toBe('sqs.cn-north-1.amazonaws.com*');
        expect(st.Condition!.ArnEquals!['aws:PrincipalArn']).toBe(roleArnOf(inst, 'aws-cn'));
        expect(render(st.Condition!.StringEquals!['kms:EncryptionContext:aws:sqs:arn'])).toBe(
          sqsArn(expected[i]!.queue),
        );
      });
      // The institution's queues, and only they, use its key.
      const encrypted = [...queues.entries()]
        .filter(([, [, q]]) => render(q.Properties.KmsMasterKeyId) === keyId)
        .map(([name]) => name);
      const own = [...(isSender(inst) ? [inboundQueue('prod', inst.id)] : []), outboundQueue('prod', inst.id)];
      expect(encrypted.sort(), inst.id).toEqual(own.flatMap((def) => [def.name, def.dlqName]).sort());
    }
  });

  it('the data key and alarm key grant nothing to other accounts', () => {
    for (const [id, key] of resourcesOf(s.stateful, 'AWS::KMS::Key').filter(([id]) => !id.startsWith('Institution'))) {
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
