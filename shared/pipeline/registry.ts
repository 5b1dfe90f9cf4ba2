// The institutions registry the handlers use: who owns a queue, which procuratorate gets a
// copy. Bundled at build time from config/institutions.json and checked once at load.
import registryFile from '../../config/institutions.json' with { type: 'json' };
import { findInstitution, registrySchema, type Institution, type Registry } from '../resources/registry.ts';

export const REGISTRY: Registry = registrySchema.parse(registryFile);

/** The institution with this id and kind, or undefined. */
export function institutionOfKind(registry: Registry, id: string, kind: Institution['kind']): Institution | undefined {
  const found = findInstitution(registry, id);
  return found?.kind === kind ? found : undefined;
}
