// Who the redrive tools send as on AWS. STS cannot run on this machine: the STS client's
// replies are given by a middleware in place of the network, in the shape STS answers.
import { STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { assumedRole, callerIdentity, redriveRoleName } from '../../../shared/operations/redrive-identity.ts';

type Handler = (args: { input: Record<string, unknown> }) => Promise<{ output: unknown; response: unknown }>;

/** An STS client answering `reply(commandName, input)` without a network call. */
function sts(reply: (command: string, input: Record<string, unknown>) => unknown): STSClient {
  const client = new STSClient({ region: 'cn-north-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  (client.middlewareStack as unknown as { add(mw: unknown, o: unknown): void }).add(
    (_next: Handler, context: { commandName: string }) => async (args: { input: Record<string, unknown> }) => ({
      output: { $metadata: {}, ...(reply(context.commandName, args.input) as object) },
      response: {},
    }),
    { step: 'initialize', name: 'stsReply' },
  );
  return client;
}

describe('the redrive role, assumed by the console API', () => {
  it('gives the role credentials and its principal id, assuming once while they are fresh', async () => {
    const calls: Record<string, unknown>[] = [];
    const client = sts((command, input) => {
      expect(command).toBe('AssumeRoleCommand');
      calls.push(input);
      return {
        Credentials: {
          AccessKeyId: 'ASIAEXAMPLE',
          SecretAccessKey: 'secret',
          SessionToken: 'token',
          Expiration: new Date(Date.now() + 3600_000),
        },
        AssumedRoleUser: { AssumedRoleId: 'AROAEXAMPLEREDRIVE01:console-api', Arn: 'arn' },
      };
    });
    const role = assumedRole(client, 'arn:aws-cn:iam::000000000000:role/linkage-prod-redrive', 'console-api');
    expect(await role.credentials()).toMatchObject({ accessKeyId: 'ASIAEXAMPLE', sessionToken: 'token' });
    expect(await role.whoAmI()).toEqual({ principalId: 'AROAEXAMPLEREDRIVE01', redriveRole: true });
    expect(calls).toEqual([
      {
        RoleArn: 'arn:aws-cn:iam::000000000000:role/linkage-prod-redrive',
        RoleSessionName: 'console-api',
        DurationSeconds: 3600,
      },
    ]);
  });

  it('assumes again when the credentials are about to expire, and after a failure', async () => {
    let n = 0;
    const client = sts(() => {
      n += 1;
      if (n === 2) throw new Error('throttled');
      return {
        Credentials: { AccessKeyId: `K${n}`, SecretAccessKey: 's', Expiration: new Date(Date.now() + 60_000) },
        AssumedRoleUser: { AssumedRoleId: `AROAEXAMPLEREDRIVE01:s` },
      };
    });
    const role = assumedRole(client, 'arn', 's');
    expect((await role.credentials()).accessKeyId).toBe('K1');
    await expect(role.credentials()).rejects.toThrow('throttled');
    expect((await role.credentials()).accessKeyId).toBe('K3');
  });
});

describe("the CLI's own credentials", () => {
  it('is the redrive role only when STS says it is an assumed session of linkage-<stage>-redrive', async () => {
    const as = (Arn: string, UserId: string) => sts(() => ({ Arn, UserId, Account: '000000000000' }));
    expect(
      await callerIdentity(
        as(
          'arn:aws-cn:sts::000000000000:assumed-role/linkage-prod-redrive/ops-alice',
          'AROAEXAMPLEREDRIVE01:ops-alice',
        ),
        'prod',
      ),
    ).toEqual({ principalId: 'AROAEXAMPLEREDRIVE01', redriveRole: true });
    expect(
      await callerIdentity(
        as('arn:aws-cn:sts::000000000000:assumed-role/linkage-staging-redrive/x', 'AROAEXAMPLEOTHER0001:x'),
        'prod',
      ),
    ).toEqual({ principalId: 'AROAEXAMPLEOTHER0001', redriveRole: false });
    expect(await callerIdentity(as('arn:aws-cn:iam::000000000000:user/admin', 'AIDAEXAMPLEADMIN0001'), 'prod')).toEqual(
      { principalId: 'AIDAEXAMPLEADMIN0001', redriveRole: false },
    );
    expect(redriveRoleName('prod')).toBe('linkage-prod-redrive');
  });
});
