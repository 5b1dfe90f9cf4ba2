// Who is signed in: taken from the verified token only, never from the request. The role
// names the person's job; what they may see follows from their institution's kind.
import * as z from 'zod';
import { findInstitution, type InstitutionKind, type Registry } from '../../shared/resources/registry.ts';
import type { ProvinceCode } from '../../shared/resources/provinces.ts';

export const ROLES = ['JUDGE', 'CLERK', 'PROCURATOR', 'ADMINISTRATOR', 'OPERATOR', 'PROVINCIAL_ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** Which roles exist at which kind of institution. */
export const ROLES_OF_KIND: Record<InstitutionKind, readonly Role[]> = {
  HEARING_COURT: ['JUDGE', 'CLERK', 'ADMINISTRATOR'],
  ENFORCING_COURT: ['JUDGE', 'CLERK', 'ADMINISTRATOR'],
  PRISON: ['ADMINISTRATOR'],
  PROCURATORATE: ['PROCURATOR', 'ADMINISTRATOR'],
};

/** The service's own operators: their institution claim is the registry's service id. */
export const OPERATOR_ROLE = 'OPERATOR' as const satisfies Role;

/**
 * A provincial administrator (e.g. of the provincial political-legal committee): reads the
 * assessment figures of every institution of one province and nothing else (no case, no
 * message). The token's institution claim is the province code (FJ), the role claim this role;
 * the registry says which provinces exist (those its institutions are in).
 */
export const PROVINCIAL_ADMIN_ROLE = 'PROVINCIAL_ADMIN' as const satisfies Role;

export interface ProvincialAdmin {
  readonly username: string;
  /** The province code, as the token's institution claim. */
  readonly institutionId: ProvinceCode;
  readonly kind: 'PROVINCE';
  readonly role: typeof PROVINCIAL_ADMIN_ROLE;
}

/** Whoever a verified token names: an institution's (or the service's) user, or a provincial administrator. */
export type SignedIn = Principal | ProvincialAdmin;

/** The provinces the registry's institutions are in: the only ones a provincial administrator can name. */
export function registeredProvince(registry: Registry, code: string): ProvinceCode | undefined {
  return registry.institutions.find((i) => i.province === code)?.province;
}

export interface Principal {
  readonly username: string;
  readonly institutionId: string;
  /** SERVICE: an operator of the linkage itself (dead-letter queues), who sees no case. */
  readonly kind: InstitutionKind | 'SERVICE';
  readonly role: Role;
}

/** Claim names in the token; an operator's OIDC provider maps its own attributes onto these. */
export interface ClaimNames {
  readonly institution: string;
  readonly role: string;
}
export const DEFAULT_CLAIMS: ClaimNames = { institution: 'institution', role: 'role' };

const claims = z.object({
  sub: z.string().min(1),
  preferred_username: z.string().min(1).optional(),
});

/** The principal the verified claims name, or a reason why they name none. */
export function principalOf(
  payload: Record<string, unknown>,
  registry: Registry,
  names: ClaimNames = DEFAULT_CLAIMS,
): SignedIn | string {
  const parsed = claims.safeParse(payload);
  if (!parsed.success) return 'token has no subject';
  const institutionId = payload[names.institution];
  const role = payload[names.role];
  if (typeof institutionId !== 'string') return `token has no ${names.institution} claim`;
  if (institutionId === registry.service.id) {
    if (role !== OPERATOR_ROLE) return `token's ${names.role} claim is not ${OPERATOR_ROLE}, the service's one role`;
    return { username: parsed.data.preferred_username ?? parsed.data.sub, institutionId, kind: 'SERVICE', role };
  }
  if (role === PROVINCIAL_ADMIN_ROLE) {
    const province = registeredProvince(registry, institutionId);
    if (!province) return `token's ${names.institution} claim is not a province of the registry`;
    const username = parsed.data.preferred_username ?? parsed.data.sub;
    return { username, institutionId: province, kind: 'PROVINCE', role };
  }
  const institution = findInstitution(registry, institutionId);
  if (!institution) return 'token names an institution that is not registered';
  if (typeof role !== 'string' || !ROLES_OF_KIND[institution.kind].includes(role as Role))
    return `token's ${names.role} claim is not a role at a ${institution.kind}`;
  return {
    username: parsed.data.preferred_username ?? parsed.data.sub,
    institutionId,
    kind: institution.kind,
    role: role as Role,
  };
}
