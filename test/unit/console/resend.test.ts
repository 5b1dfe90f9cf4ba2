// The forms' version handling and their tolerance of refused bodies: the version a corrected
// message goes out at, the words for a message that changed nothing, and a refused body with
// missing or wrong parts opening in its form instead of breaking the page.
import { describe, expect, it } from 'vitest';
import { enforcementStatusBody, type EnforcementStatus } from '../../../shared/contract/enforcement-status.ts';
import type { ReductionDossier } from '../../../shared/contract/reduction-dossier.ts';
import { resendVersion, staleTitle } from '../../../console/src/forms/outcome-text.ts';
import { fenToYuan } from '../../../console/src/forms/money.ts';
import { statusToValues, valuesToStatus } from '../../../console/src/forms/status-values.ts';
import { dossierToValues } from '../../../console/src/forms/dossier-values.ts';
import { contractErrors } from '../../../console/src/forms/validate.ts';
import { status } from '../../../generators/case.ts';

describe('the version of a corrected message', () => {
  it('keeps the refused version while nothing newer is stored, else goes one past the stored one', () => {
    expect(resendVersion(1, null)).toBe(1);
    expect(resendVersion(9, 2)).toBe(9);
    expect(resendVersion(2, 2)).toBe(3);
    expect(resendVersion(1, 2)).toBe(3);
    // A refused version that is no version at all.
    expect(resendVersion('x', null)).toBe(1);
    expect(resendVersion(0, 4)).toBe(5);
    expect(resendVersion(1.5, null)).toBe(1);
  });
});

describe('a message that changed nothing', () => {
  it('says whether the same version or a newer one was there, in Chinese and English', () => {
    expect(staleTitle({ sentVersion: 2, storedVersion: 2 })).toEqual([
      '平台已收到过同一版本（第 2 版），本次未作更改',
      'Version 2 was received before; nothing changed',
    ]);
    expect(staleTitle({ sentVersion: 2, storedVersion: 5 })[0]).toBe(
      '平台已有更新的第 5 版，本次报送的第 2 版未作更改',
    );
    expect(staleTitle({})[0]).toBe('平台已收到过该裁定书文号的裁定，本次未作更改');
  });
});

describe('a refused body opens in its form', () => {
  it('a status with missing lists and a negative amount: the amount shown as sent, the problem at its field', () => {
    const refused = {
      ...status().body,
      payments: [{ receiptNo: 'R1', amountFen: -5, payer: 'SELF', paidOn: '2026-11-20' }],
      conduct: undefined,
      documents: 'none',
    } as unknown as EnforcementStatus;
    const values = statusToValues(refused);
    expect(values.payments?.[0]?.amountFen).toBe('-5');
    expect(values.conduct).toEqual([]);
    expect(values.documents).toEqual([]);
    const { body, errors } = valuesToStatus(values, refused);
    expect(errors.map((e) => e.name)).toEqual([['payments', 0, 'amountFen']]);
    expect(contractErrors(enforcementStatusBody, body).map((e) => e.name)).toContainEqual(['payments', 0, 'amountFen']);
  });

  it('a dossier without judgments or prisoner opens empty there, not with an error', () => {
    const values = dossierToValues({ applicationId: 'A', version: 1 } as unknown as ReductionDossier);
    expect(values.judgments).toEqual([]);
    expect(values.prisoner).toEqual({});
    expect(values.hasFinances).toBe(false);
  });

  it('fen that are not whole fen are shown as they are, for the person to correct', () => {
    expect(fenToYuan(1.5)).toBe('1.5');
    expect(fenToYuan(-5)).toBe('-5');
    expect(fenToYuan(123_450)).toBe('1234.50');
  });
});
