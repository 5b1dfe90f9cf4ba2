// The institutions registry: who talks to the service, from which AWS account. It drives
// the CDK stacks (one inbound queue per sender, one outbound per receiver), the handlers
// (who a queue belongs to, where a copy goes) and the local mode.
import * as z from 'zod';
import { INSTITUTION_ID_PATTERN } from '../contract/primitives.ts';

export const INSTITUTION_KINDS = ['PRISON', 'ENFORCING_COURT', 'HEARING_COURT', 'PROCURATORATE'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

const accountId = z.string().regex(/^\d{12}$/, { error: 'must be a 12-digit AWS account id' });

const institution = z.strictObject({
  id: z.string().regex(INSTITUTION_ID_PATTERN),
  kind: z.enum(INSTITUTION_KINDS),
  name: z.string().min(1),
  accountId,
  /** For a prison: the procuratorate stationed there, which gets a copy of every flag. */
  procuratorateId: z.string().regex(INSTITUTION_ID_PATTERN).optional(),
});
export type Institution = z.infer<typeof institution>;

export const registrySchema = z
  .strictObject({
    service: z.strictObject({ id: z.string().regex(INSTITUTION_ID_PATTERN), accountId }),
    institutions: z.array(institution).min(1),
  })
  .superRefine((registry, ctx) => {
    const ids = new Set<string>();
    registry.institutions.forEach((inst, index) => {
      if (ids.has(inst.id))
        ctx.addIssue({ code: 'custom', path: ['institutions', index, 'id'], message: `${inst.id} appears twice` });
      ids.add(inst.id);
    });
    registry.institutions.forEach((inst, index) => {
      if (
        inst.procuratorateId &&
        !registry.institutions.some((o) => o.id === inst.procuratorateId && o.kind === 'PROCURATORATE')
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['institutions', index, 'procuratorateId'],
          message: `${inst.procuratorateId} is not a PROCURATORATE in the registry`,
        });
      }
    });
  });
export type Registry = z.infer<typeof registrySchema>;

/** Kinds that send messages to the service, and the schema each sends. */
export const SENDING_KINDS = {
  ENFORCING_COURT: 'linkage.enforcement-status.v1',
  PRISON: 'linkage.reduction-dossier.v1',
  HEARING_COURT: 'linkage.ruling.v1',
} as const satisfies Partial<Record<InstitutionKind, string>>;
export type SendingKind = keyof typeof SENDING_KINDS;

export function isSender(inst: Institution): inst is Institution & { kind: SendingKind } {
  return inst.kind in SENDING_KINDS;
}

/** Every institution receives: flags, copies, verification requests or rejections. */
export function isReceiver(_inst: Institution): boolean {
  return true;
}

export function findInstitution(registry: Registry, id: string): Institution | undefined {
  return registry.institutions.find((inst) => inst.id === id);
}
