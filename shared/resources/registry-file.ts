// Where a process finds the institutions registry: config/institutions.json (bundled into the
// functions), or the file LINKAGE_REGISTRY_FILE names (local mode and tests with a generated
// registry). Either way it is checked, and a bad one stops the process naming its entries.
import { readFileSync } from 'node:fs';
import registryJson from '../../config/institutions.json' with { type: 'json' };
import { parseRegistry, type Registry } from './registry.ts';

export const REGISTRY_FILE_VARIABLE = 'LINKAGE_REGISTRY_FILE';

export function readRegistryFile(path: string): Registry {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the institutions registry ${path}: ${(error as Error).message}`, { cause: error });
  }
  return parseRegistry(json, path);
}

/** The registry this process uses: the named file, or the bundled config/institutions.json. */
export function loadConfiguredRegistry(env: NodeJS.ProcessEnv = process.env): Registry {
  const file = env[REGISTRY_FILE_VARIABLE];
  return file ? readRegistryFile(file) : parseRegistry(registryJson);
}
