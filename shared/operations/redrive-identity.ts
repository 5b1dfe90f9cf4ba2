// Who the redrive tools send as on AWS. The service's redrive role (`linkage-<stage>-redrive`,
// infra/constructs/redrive-role.ts) is the one principal whose re-sent inbound messages the
// ingest judges by the original SenderId they carry. The console API assumes it for its
// operators' page; an operator's CLI runs as it through an AWS profile (docs/operations.md).
import { AssumeRoleCommand, GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import type { SenderIdentity } from './redrive-sender.ts';

/** What an SDK client's `credentials` setting takes. */
interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly expiration?: Date;
}

export function redriveRoleName(stage: string): string {
  return `linkage-${stage}-redrive`;
}

/**
 * The role the console API sends users' submissions as (infra/constructs/console-sender-role.ts):
 * the ingest accepts what it sends as from the queue's owner, since the API puts a message only
 * on the signed-in user's own institution's queue.
 */
export function consoleSenderRoleName(stage: string): string {
  return `linkage-${stage}-console-sender`;
}

/** `AROA…:session` → `AROA…`. */
const principalOf = (id: string) => id.split(':')[0] ?? id;

/**
 * Fresh credentials of one of the service's roles (refreshed five minutes before they expire)
 * and, for the redrive role, its principal id.
 */
export function assumedRole(
  sts: STSClient,
  roleArn: string,
  sessionName: string,
): { credentials: () => Promise<Credentials>; whoAmI(): Promise<SenderIdentity> } {
  let current: Promise<{ credentials: Credentials; principalId: string }> | undefined;
  const fresh = () => {
    const assume = async () => {
      const { Credentials: c, AssumedRoleUser: user } = await sts.send(
        new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: sessionName, DurationSeconds: 3600 }),
      );
      if (!c?.AccessKeyId || !c.SecretAccessKey || !user?.AssumedRoleId)
        throw new Error(`AssumeRole ${roleArn} returned no credentials`);
      return {
        credentials: {
          accessKeyId: c.AccessKeyId,
          secretAccessKey: c.SecretAccessKey,
          ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
          ...(c.Expiration ? { expiration: c.Expiration } : {}),
        },
        principalId: principalOf(user.AssumedRoleId),
      };
    };
    return assume().catch((error: unknown) => {
      current = undefined;
      throw error;
    });
  };
  const get = async () => {
    const held = current ? await current : undefined;
    const expires = held?.credentials.expiration?.getTime() ?? 0;
    if (!held || expires - Date.now() < 5 * 60_000) current = fresh();
    return current!;
  };
  return {
    credentials: async () => (await get()).credentials,
    whoAmI: async () => ({ principalId: (await get()).principalId, redriveRole: true }),
  };
}

/** Who the caller's own credentials are (the CLI on AWS), and whether that is the redrive role. */
export async function callerIdentity(sts: STSClient, stage: string): Promise<SenderIdentity> {
  const { UserId, Arn } = await sts.send(new GetCallerIdentityCommand({}));
  if (!UserId || !Arn) throw new Error('GetCallerIdentity returned no identity');
  return {
    principalId: principalOf(UserId),
    redriveRole: Arn.includes(`:assumed-role/${redriveRoleName(stage)}/`),
  };
}
