// The thresholds the law leaves open. Their values live in versioned policy files
// (shared/rules/policies/); a case file may override some for one evaluation.
import * as z from 'zod/mini';
import { calendarDate, fen } from './primitives.ts';

const days = (what: string) =>
  z
    .int({ error: `must be a whole number of days (${what})` })
    .check(z.gte(1, { error: `must be 1 or more days (${what})` }));

export const policyThresholds = z.strictObject({
  spendingTolerance: z
    .number({ error: 'must be a number (fraction over the quota, e.g. 0.2)' })
    .check(z.gte(0, { error: 'must not be negative' }), z.lte(10, { error: 'must be at most 10' })),
  subsistenceReserveFen: fen(),
  statusMaxAgeDays: days('statusMaxAgeDays'),
  materialsGraceDays: days('materialsGraceDays'),
  courtReplyDays: days('courtReplyDays'),
  cooloffMonths: z
    .int({ error: 'must be a whole number of months' })
    .check(z.gte(0, { error: 'must not be negative' })),
  effectiveFrom: calendarDate,
});

export const policyFile = z.extend(policyThresholds, {
  id: z.string().check(z.minLength(1)),
  version: z.string().check(z.minLength(1)),
});

export const policyOverrides = z.partial(policyThresholds);

export type PolicyThresholds = z.infer<typeof policyThresholds>;
export type PolicyOverrides = z.infer<typeof policyOverrides>;
export type Policy = z.infer<typeof policyFile> & { readonly overrides?: PolicyOverrides };
