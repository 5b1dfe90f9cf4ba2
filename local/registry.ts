// The institutions registry local mode serves: the same file the handlers and the CDK use.
import registryJson from '../config/institutions.json' with { type: 'json' };
import { registrySchema, type Registry } from '../shared/resources/registry.ts';

export const REGISTRY: Registry = registrySchema.parse(registryJson);
