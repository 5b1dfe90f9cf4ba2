// `linkage show` and `linkage inbox` print what would change a flag in plain words.
import { describe, expect, it } from 'vitest';
import { formatFlag } from '../../../cli/inbox-format.ts';
import { dossier, flagOf, JUDGMENT, status } from '../../../generators/case.ts';

const rich = dossier({ finances: { ...dossier().body.finances!, accountBalanceFen: 9_000_000 } });

describe('remedies in plain words', () => {
  it('names who does what, how much, until when, the earliest clear date and the next change', () => {
    const conduct = [{ code: 'OBSTRUCTS_ENFORCEMENT' as const, foundOn: '2026-03-01', ceasedOn: '2026-06-10' }];
    const lines = formatFlag(flagOf({ messages: [rich, status({ conduct })] }));
    const tail = lines.slice(lines.indexOf('    What would change the decision:'));
    expect(tail).toEqual([
      '    What would change the decision:',
      '      - The 6-month cool-off ends on 2026-12-10; nothing else can shorten it. (prisoner: WAIT, until 2026-12-10; answers PP-COOLOFF-6M)',
      `      - The prisoner pays 40,000.00 yuan (4,000,000 fen), outstanding on item 1 of judgment ${JUDGMENT}. (prisoner: PAY; answers PP-ABLE-UNPAID)`,
      '      - The hearing court decides whether the cool-off may run from the end of the conduct while items are unpaid. (hearing court: JUDGE; answers PP-AMBIG-6.3)',
      '    Earliest clear date: 2026-12-10, if everything above is done today (the cool-off ends then).',
      '    Changes with time alone at 2026-12-10T00:00:00+08:00; the service looks again then.',
    ]);
  });

  it('says a CLEAR flag is clear now, and prints nothing of v1.1 for a flag recorded before it', () => {
    const flag = flagOf({ messages: [dossier(), status()] });
    expect(formatFlag(flag).slice(-2)).toEqual([
      '    Earliest clear date: 2026-11-21, it is CLEAR now.',
      '    Changes with time alone at 2026-12-21T00:00:00+08:00; the service looks again then.',
    ]);
    const { remedies: _r, earliestClearOn: _e, nextChangeAt: _n, ...v1 } = flag;
    expect(formatFlag(v1).join('\n')).not.toMatch(/Earliest|What would change|time alone/);
  });
});
