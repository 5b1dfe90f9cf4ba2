// The institutions registry local mode serves: the same file the handlers and the CDK use,
// or the one LINKAGE_REGISTRY_FILE names (a generated national registry, say).
import { loadConfiguredRegistry } from '../shared/resources/registry-file.ts';
import type { Registry } from '../shared/resources/registry.ts';

export const REGISTRY: Registry = loadConfiguredRegistry();
