// What the demo expects of its run: each story's revisions, the rejection, the copies to
// prisons and procuratorates, and every flag equal to the pure engine's on the same facts.
import { isDeepStrictEqual } from 'node:util';
import type { FulfilmentFlag } from '../../shared/contract/fulfilment-flag.ts';
import type { Registry } from '../../shared/resources/registry.ts';
import { flagsIn, rejectionsIn } from './outbox.ts';
import { pureMismatch } from './pure-check.ts';
import type { ScenarioRun } from './run-scenario.ts';
import { HEARING_COURT, STORIES, type Story } from './scenario.ts';

export interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail?: string;
}

export interface StoryOutcome {
  readonly story: Story;
  /** What the hearing court received, by revision. */
  readonly flags: readonly FulfilmentFlag[];
}

export function storyOutcomes(run: ScenarioRun): StoryOutcome[] {
  const hearing = flagsIn(run.received.filter((r) => r.institutionId === HEARING_COURT)).map((m) => m.body);
  return STORIES.map((story) => ({
    story,
    flags: hearing.filter((f) => f.applicationId === story.applicationId).sort((a, b) => a.revision - b.revision),
  }));
}

export function checkRun(run: ScenarioRun, registry: Registry): Check[] {
  const checks: Check[] = [];
  for (const { story, flags } of storyOutcomes(run)) {
    const got =
      flags.map((f) => `r${f.revision} ${f.decision} [${f.reasons.map((r) => r.code).join(' ')}]`).join(', ') ||
      'nothing';
    const ok =
      flags.length === story.expected.length &&
      flags.every(
        (f, i) =>
          f.revision === i + 1 &&
          f.decision === story.expected[i]!.decision &&
          f.reasons.some((r) => r.code === story.expected[i]!.reason),
      );
    const want = story.expected.map((e, i) => `r${i + 1} ${e.decision} (${e.reason})`).join(', ');
    checks.push({
      name: `${story.applicationId} ${story.title}: ${want}`,
      ok,
      ...(ok ? {} : { detail: `received ${got}` }),
    });
  }

  const rejections = rejectionsIn(run.received.filter((r) => r.institutionId === run.invalid.senderId));
  const rejection = rejections.find((r) => r.body.rejectedMessageId === run.invalid.message.messageId);
  checks.push({
    name: `the invalid status is rejected back to ${run.invalid.senderId}`,
    ok: rejection !== undefined && rejection.body.errors.some((e) => e.path.endsWith('personId')),
    ...(rejection ? {} : { detail: `${rejections.length} rejection(s), none for ${run.invalid.message.messageId}` }),
  });

  const missingCopies: string[] = [];
  for (const { story, flags } of storyOutcomes(run)) {
    const prison = registry.institutions.find((i) => i.id === story.prisonId);
    for (const recipient of [story.prisonId, prison?.procuratorateId].filter((id): id is string => id !== undefined)) {
      const copies = flagsIn(run.received.filter((r) => r.institutionId === recipient)).map((m) => m.body);
      for (const flag of flags)
        if (!copies.some((c) => isDeepStrictEqual(c, flag)))
          missingCopies.push(`${recipient} r${flag.revision} of ${story.applicationId}`);
    }
  }
  checks.push({
    name: 'every flag is copied to the prison and its procuratorate',
    ok: missingCopies.length === 0,
    ...(missingCopies.length ? { detail: `missing: ${missingCopies.join(', ')}` } : {}),
  });

  const flags = storyOutcomes(run).flatMap((o) => o.flags);
  const mismatches = flags.flatMap((flag) => {
    const why = pureMismatch(flag, run.sent, run.requests);
    return why ? [`${flag.applicationId} r${flag.revision}:\n    ${why}`] : [];
  });
  checks.push({
    name: `all ${flags.length} flags equal the pure engine's (linkage evaluate) on the same facts`,
    ok: mismatches.length === 0,
    ...(mismatches.length ? { detail: mismatches.join('\n  ') } : {}),
  });
  return checks;
}
