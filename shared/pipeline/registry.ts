// The institutions registry the handlers use: who owns a queue, which procuratorate gets a
// copy. Bundled at build time from config/institutions.json (local mode may name another file
// in LINKAGE_REGISTRY_FILE) and checked once at load.
import { loadConfiguredRegistry } from '../resources/registry-file.ts';
import { findInstitution, type Institution, type Registry } from '../resources/registry.ts';

export const REGISTRY: Registry = loadConfiguredRegistry();

/** The institution with this id and kind, or undefined. */
export function institutionOfKind(registry: Registry, id: string, kind: Institution['kind']): Institution | undefined {
  const found = findInstitution(registry, id);
  return found?.kind === kind ? found : undefined;
}
