// The institutions registry local mode serves: the one the handlers load (config/institutions.json,
// or the file LINKAGE_REGISTRY_FILE names), so a process parses it once.
export { REGISTRY } from '../shared/pipeline/registry.ts';
