// Who may read an outbound queue, according to the synthesized templates: the accounts its
// queue policy lets receive, the accounts its KMS key lets decrypt for it, the roles whose
// IAM policies allow receiving from it, and the accounts roles trust. Wildcards in actions,
// resources, principals and encryption contexts count as granting, partial ones (`…out-*`)
// included: a pattern grants every queue it matches.
import { list, render, resourcesOf, statementsOf, type Statement, type Synthesized } from '../../infra/synth.ts';

export interface OutboundAccess {
  /** Accounts (12 digits, or '*') a queue policy allows to receive from the queue. */
  readonly receivers: ReadonlySet<string>;
  /** Accounts the queue's key lets decrypt messages of this queue. */
  readonly decrypters: ReadonlySet<string>;
}

export interface TemplateAccess {
  /** By queue name. */
  readonly outbound: ReadonlyMap<string, OutboundAccess>;
  /** IAM policy statements (either stack) that allow receiving from some outbound queue. */
  readonly iamReceivers: readonly string[];
  /** Accounts that some role trusts (AssumeRolePolicyDocument). */
  readonly trustedAccounts: ReadonlySet<string>;
}

/** IAM's wildcard matching (`*` any run, `?` one character), case-insensitive for actions. */
function wildcardMatches(pattern: string, value: string, flags = ''): boolean {
  const regex = pattern
    .split('*')
    .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\?/g, '.'))
    .join('.*');
  return new RegExp(`^${regex}$`, flags).test(value);
}

function actionMatches(pattern: string, action: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    'i',
  );
  return regex.test(action);
}

function allows(statement: Statement, action: string): boolean {
  return statement.Effect === 'Allow' && list(statement.Action).some((a) => actionMatches(a, action));
}

function accountsOf(principal: unknown): string[] {
  if (principal === '*') return ['*'];
  const aws = (principal as { AWS?: unknown } | undefined)?.AWS;
  return list(aws).map((p) => {
    const text = render(p);
    return text === '*' ? '*' : (/(\d{12})/.exec(text)?.[1] ?? text);
  });
}

/** Any region and account: a resource pattern matches a queue by its name. */
function queueArnOf(name: string): string {
  return `arn:aws-cn:sqs:cn-north-1:000000000000:${name}`;
}

export function outboundAccess(s: Synthesized, outboundQueueNames: readonly string[]): TemplateAccess {
  const queues = new Map(resourcesOf(s.queues, 'AWS::SQS::Queue').map(([id, q]) => [id, q]));
  const nameOf = new Map([...queues].map(([id, q]) => [id, String(q.Properties.QueueName)]));
  const idOf = new Map([...nameOf].map(([id, name]) => [name, id]));
  const wanted = new Set(outboundQueueNames);

  const receivers = new Map<string, Set<string>>(outboundQueueNames.map((n) => [n, new Set<string>()]));
  for (const [, policy] of resourcesOf(s.queues, 'AWS::SQS::QueuePolicy')) {
    const attached = (policy.Properties.Queues as unknown[]).map(
      (ref) => nameOf.get(render(ref).replace(/^\$\{|\}$/g, '')) ?? render(ref),
    );
    for (const st of statementsOf(policy.Properties.PolicyDocument)) {
      if (!allows(st, 'sqs:ReceiveMessage')) continue;
      for (const queue of attached.filter((q) => wanted.has(q))) {
        const arn = `${idOf.get(queue)}.Arn`;
        if (list(st.Resource).some((r) => render(r) === arn || wildcardMatches(render(r), queueArnOf(queue)))) {
          for (const account of accountsOf(st.Principal)) receivers.get(queue)!.add(account);
        }
      }
    }
  }

  // Keys: which accounts may decrypt, and for which queue (the encryption-context condition).
  const decrypters = new Map<string, Set<string>>(outboundQueueNames.map((n) => [n, new Set<string>()]));
  const keys = new Map(resourcesOf(s.queues, 'AWS::KMS::Key').map(([id, key]) => [`${id}.Arn`, key]));
  for (const queue of outboundQueueNames) {
    const key = keys.get(render(queues.get(idOf.get(queue)!)!.Properties.KmsMasterKeyId));
    for (const st of key ? statementsOf(key.Properties.KeyPolicy) : []) {
      if (!allows(st, 'kms:Decrypt')) continue;
      // A context condition limits the statement to the queues it names or matches; none: all.
      const exact = st.Condition?.StringEquals?.['kms:EncryptionContext:aws:sqs:arn'];
      const like = st.Condition?.StringLike?.['kms:EncryptionContext:aws:sqs:arn'];
      if (exact !== undefined && !list(exact).some((c) => render(c).endsWith(`:${queue}`))) continue;
      if (like !== undefined && !list(like).some((c) => wildcardMatches(render(c), queueArnOf(queue)))) continue;
      for (const account of accountsOf(st.Principal)) decrypters.get(queue)!.add(account);
    }
  }

  const iamReceivers: string[] = [];
  for (const template of [s.all]) {
    for (const type of ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy']) {
      for (const [id, policy] of resourcesOf(template, type)) {
        for (const st of statementsOf(policy.Properties.PolicyDocument)) {
          if (!allows(st, 'sqs:ReceiveMessage')) continue;
          const resources = list(st.Resource).map((r) => render(r));
          const hit = resources.filter((r) =>
            outboundQueueNames.some((q) => r === `${idOf.get(q)}.Arn` || wildcardMatches(r, queueArnOf(q))),
          );
          if (hit.length > 0) iamReceivers.push(`${id}: ${hit.join(', ')}`);
        }
      }
    }
  }
  const trustedAccounts = new Set<string>();
  for (const template of [s.all]) {
    for (const [, role] of resourcesOf(template, 'AWS::IAM::Role')) {
      for (const st of statementsOf(role.Properties.AssumeRolePolicyDocument))
        for (const account of accountsOf(st.Principal)) trustedAccounts.add(account);
    }
  }

  const outbound = new Map(
    outboundQueueNames.map((q) => [q, { receivers: receivers.get(q)!, decrypters: decrypters.get(q)! }]),
  );
  return { outbound, iamReceivers, trustedAccounts };
}
