// What an operator sees of a raw message body: no identity number, no prisoner's name.
import { describe, expect, it } from 'vitest';
import { maskMessageBody } from '../../../api/views/masking.ts';

describe('maskMessageBody', () => {
  it('masks personId everywhere and the prisoner name by key, keeping the rest', () => {
    const body = JSON.stringify({
      sender: { kind: 'PRISON', id: 'FJ-P01', name: 'kept: not a prisoner' },
      body: {
        prisoner: { prisonerNo: '3508010108', name: '林某某', personId: '350802198502111089' },
        judgments: [{ judgmentId: 'J1', note: 'see 35080219850211108X' }],
      },
    });
    const masked = JSON.parse(maskMessageBody(body)) as {
      sender: { name: string };
      body: { prisoner: { prisonerNo: string; name: string; personId: string }; judgments: { note: string }[] };
    };
    expect(masked.body.prisoner).toEqual({ prisonerNo: '3508010108', name: '林**', personId: '3508**********1089' });
    expect(masked.body.judgments[0]!.note).toBe('see 3508**********108X');
    expect(masked.sender.name).toBe('kept: not a prisoner');
  });

  it('masks identity numbers in a body that is not JSON', () => {
    expect(maskMessageBody('garbage 350802198502111089 {')).toBe('garbage 3508**********1089 {');
  });
});
