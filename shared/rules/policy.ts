// Loads the versioned policy the engine applies, and merges a case file's overrides into it.
import { policyFile, type Policy, type PolicyOverrides } from '../contract/policy.ts';
import spc2024 from './policies/spc-2024-5.json' with { type: 'json' };

/** The policy in force: SPC 法释〔2024〕5号 with the defaults of contract v1. */
export const DEFAULT_POLICY: Policy = policyFile.parse(spc2024);

export function withOverrides(base: Policy, overrides: PolicyOverrides | undefined): Policy {
  if (!overrides || Object.keys(overrides).length === 0) return base;
  return { ...base, ...overrides, overrides };
}
