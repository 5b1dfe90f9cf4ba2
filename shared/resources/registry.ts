// The institutions registry: who talks to the service, from which AWS account and IAM role.
// It drives the CDK stacks (one inbound queue per sender, one outbound per receiver, policies
// naming each institution's role), the handlers (who a queue belongs to, where a copy goes)
// and the local mode. Checked by schema, then by references; every problem names its entry.
import * as z from 'zod/mini';
import { INSTITUTION_ID_PATTERN } from '../contract/primitives.ts';
import { SENDING_KINDS, type SendingKind } from './functions.ts';
import { PROVINCE_CODES } from './provinces.ts';

// The sending kinds are the function catalogue's (one ingest function per kind).
export { SENDING_KINDS, type SendingKind };

export const INSTITUTION_KINDS = ['PRISON', 'ENFORCING_COURT', 'HEARING_COURT', 'PROCURATORATE'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

const accountId = z.string().check(z.regex(/^\d{12}$/, { error: 'must be a 12-digit AWS account id' }));

/** An IAM role name, with its path if it has one: `linkage-sender` or `/courts/linkage-sender`. */
export const ROLE_NAME_PATTERN = /^(\/[\w+=,.@-]+)*\/?[\w+=,.@-]{1,64}$/;

const institution = z.strictObject({
  id: z.string().check(z.regex(INSTITUTION_ID_PATTERN, { error: 'must be an institution code (A-Z, 0-9, -)' })),
  kind: z.enum(INSTITUTION_KINDS, { error: `must be one of ${INSTITUTION_KINDS.join(', ')}` }),
  name: z.string().check(z.minLength(1, { error: 'must not be empty' })),
  /** The official Chinese name (e.g. 龙岩市中级人民法院): what the console and printed pages show. */
  nameZh: z.string().check(z.regex(/\p{Script=Han}/u, { error: 'must be the Chinese name, e.g. 龙岩市中级人民法院' })),
  /** Two-letter province code (GB/T 2260 abbreviation), e.g. FJ; decides the institution's stack. */
  province: z.enum(PROVINCE_CODES, { error: 'must be a province code such as FJ (see shared/resources/provinces.ts)' }),
  accountId,
  /**
   * The IAM role (in `accountId`) the institution's systems send and receive as. Queue and key
   * policies allow only `arn:<partition>:iam::<accountId>:role/<roleName>` (aws:PrincipalArn);
   * the partition is the deployment's, so the ARN is right in China and elsewhere.
   */
  roleName: z.string().check(z.regex(ROLE_NAME_PATTERN, { error: 'must be an IAM role name such as linkage-sender' })),
  /**
   * The role's unique id (`aws iam get-role --query Role.RoleId`, AROA…). SQS reports it as the
   * `SenderId` of every message the role sends; when registered, ingest checks it.
   */
  rolePrincipalId: z.optional(
    z.string().check(z.regex(/^AROA[A-Z0-9]{12,124}$/, { error: 'must be an IAM role id (AROA…)' })),
  ),
  /** For a prison: the procuratorate stationed there, which gets a copy of every flag. */
  procuratorateId: z.optional(
    z.string().check(z.regex(INSTITUTION_ID_PATTERN, { error: 'must be an institution code' })),
  ),
});
export type Institution = z.infer<typeof institution>;

type Issue = { path: (string | number)[]; message: string };

/** Reference checks over a registry that passed the schema; one issue per broken rule. */
function referenceIssues(registry: { institutions: readonly Institution[] }): Issue[] {
  const issues: Issue[] = [];
  const firstById = new Map<string, number>();
  const firstByAccount = new Map<string, number>();
  const label = (index: number) => `institutions.${index} (${registry.institutions[index]!.id})`;
  registry.institutions.forEach((inst, index) => {
    const at = (field: string, message: string) => issues.push({ path: ['institutions', index, field], message });
    const seen = (map: Map<string, number>, key: string, field: string, what: string) => {
      const first = map.get(key);
      if (first === undefined) map.set(key, index);
      else at(field, `${what} ${key} is already used by ${label(first)}`);
    };
    seen(firstById, inst.id, 'id', 'id');
    // Anyone administering a shared account can assume every role in it: one account each.
    seen(firstByAccount, inst.accountId, 'accountId', 'account');
    if (inst.kind === 'PRISON' && !inst.procuratorateId)
      at('procuratorateId', 'a PRISON must name the PROCURATORATE stationed at it');
    if (inst.kind !== 'PRISON' && inst.procuratorateId)
      at('procuratorateId', `only a PRISON names a procuratorate, not a ${inst.kind}`);
  });
  registry.institutions.forEach((inst, index) => {
    if (!inst.procuratorateId) return;
    const target = registry.institutions.find((other) => other.id === inst.procuratorateId);
    if (!target)
      issues.push({
        path: ['institutions', index, 'procuratorateId'],
        message: `${inst.procuratorateId} is not in the registry`,
      });
    else if (target.kind !== 'PROCURATORATE')
      issues.push({
        path: ['institutions', index, 'procuratorateId'],
        message: `${inst.procuratorateId} is a ${target.kind}, not a PROCURATORATE`,
      });
  });
  return issues;
}

export const registrySchema = z
  .strictObject({
    service: z.strictObject({ id: z.string().check(z.regex(INSTITUTION_ID_PATTERN)), accountId }),
    institutions: z.array(institution).check(z.minLength(1, { error: 'must list at least one institution' })),
  })
  .check(
    z.superRefine((registry, ctx) => {
      for (const issue of referenceIssues(registry)) ctx.addIssue({ code: 'custom', ...issue });
      registry.institutions.forEach((inst, index) => {
        if (inst.accountId === registry.service.accountId)
          ctx.addIssue({
            code: 'custom',
            path: ['institutions', index, 'accountId'],
            message: `account ${inst.accountId} is the service's own account`,
          });
      });
    }),
  );
export type Registry = z.infer<typeof registrySchema>;

/** A registry that fails its checks; the message has one line per problem, naming the entry. */
export class RegistryError extends Error {
  override readonly name = 'RegistryError';
  readonly source: string;
  readonly problems: readonly string[];
  constructor(source: string, problems: readonly string[]) {
    super(`${source} is not a valid institutions registry:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.source = source;
    this.problems = problems;
  }
}

/** `institutions.3 (FJ-P02).accountId: …`: the entry's id beside its index, when it has one. */
function describePath(json: unknown, path: readonly PropertyKey[]): string {
  const parts = path.map(String);
  if (parts[0] === 'institutions' && parts.length > 1) {
    const entry = (json as { institutions?: unknown[] }).institutions?.[Number(parts[1])];
    const id = (entry as { id?: unknown } | undefined)?.id;
    const head = typeof id === 'string' ? `institutions.${parts[1]} (${id})` : `institutions.${parts[1]}`;
    return [head, ...parts.slice(2)].join('.');
  }
  return parts.join('.') || '(registry)';
}

/** Parses and checks a registry; throws a RegistryError naming every bad entry. */
export function parseRegistry(json: unknown, source = 'config/institutions.json'): Registry {
  const result = registrySchema.safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => `${describePath(json, [...issue.path, key])}: is not a registry field`)
      : [`${describePath(json, issue.path)}: ${issue.message}`],
  );
  throw new RegistryError(source, problems);
}

/**
 * Account ids that are obviously not real: twelve equal digits, or ten equal digits and a
 * two-digit counter (the example registry's `111111111101`). Deploying them would grant
 * access to accounts nobody checked; the pre-deploy check refuses them.
 */
export function isPlaceholderAccount(account: string): boolean {
  return /^(\d)\1{9}\d{2}$/.test(account) || account === '123456789012';
}

export function placeholderAccounts(registry: Registry): string[] {
  const found: string[] = [];
  if (isPlaceholderAccount(registry.service.accountId)) found.push(`service.accountId ${registry.service.accountId}`);
  for (const inst of registry.institutions)
    if (isPlaceholderAccount(inst.accountId)) found.push(`${inst.id}.accountId ${inst.accountId}`);
  return found;
}

export function isSender(inst: Institution): inst is Institution & { kind: SendingKind } {
  return inst.kind in SENDING_KINDS;
}

/** The ARN of the institution's role in a partition (`aws` or `aws-cn`). */
export function roleArnOf(inst: Institution, partition: string): string {
  const name = inst.roleName.startsWith('/') ? inst.roleName.slice(1) : inst.roleName;
  return `arn:${partition}:iam::${inst.accountId}:role/${name}`;
}

export function findInstitution(registry: Registry, id: string): Institution | undefined {
  return registry.institutions.find((inst) => inst.id === id);
}
