// The console forms' pure parts: yuan ⇄ fen without floats, the contract's messages in Chinese,
// and the status and dossier form values ⇄ contract bodies (checked by the contract's schemas).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { enforcementStatusBody } from '../../../shared/contract/enforcement-status.ts';
import { reductionDossierBody } from '../../../shared/contract/reduction-dossier.ts';
import { fenToYuan, yuanToFen } from '../../../console/src/forms/money.ts';
import { zhMessage } from '../../../console/src/forms/messages-zh.ts';
import { statusToValues, valuesToStatus } from '../../../console/src/forms/status-values.ts';
import { dossierToValues, valuesToDossier } from '../../../console/src/forms/dossier-values.ts';
import { contractErrors } from '../../../console/src/forms/validate.ts';
import { dossier, status } from '../../../generators/case.ts';

describe('money', () => {
  it('reads yuan with at most two decimals as whole fen, and writes fen back', () => {
    expect(yuanToFen('15000')).toBe(1_500_000);
    expect(yuanToFen('0.1')).toBe(10);
    expect(yuanToFen('0.29')).toBe(29);
    expect(yuanToFen('1,234.56')).toBe(123_456);
    for (const bad of ['', '1.234', '-1', '1e3', '12a', '.5']) expect(yuanToFen(bad), bad).toBeUndefined();
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (fen) => yuanToFen(fenToYuan(fen)) === fen));
  });
});

describe('Chinese messages', () => {
  it('translates the contract texts the forms meet, and marks any other', () => {
    expect(zhMessage('check digit is 1, not 7')).toBe('校验码应为 1，不是 7');
    expect(zhMessage('must be a positive whole number of fen')).toBe('金额必须大于零');
    expect(zhMessage('2026-02-30 is not a real calendar date')).toBe('2026-02-30 不是有效日期');
    expect(zhMessage('something new')).toBe('填写有误：something new');
  });
});

describe('form values ⇄ contract bodies', () => {
  it('a status survives the round trip through the form, and its yuan errors name the field', () => {
    const body = status().body;
    const back = valuesToStatus(statusToValues(body), body);
    expect(back.errors).toEqual([]);
    expect(enforcementStatusBody.parse(back.body)).toEqual(body);
    const values = statusToValues(body);
    values.payments![0]!.amountFen = '10.001';
    expect(valuesToStatus(values, body).errors.map((e) => e.name)).toEqual([['payments', 0, 'amountFen']]);
  });

  it('a dossier survives the round trip through the form', () => {
    const body = dossier().body;
    const back = valuesToDossier(dossierToValues(body), body.submittedAt);
    expect(back.errors).toEqual([]);
    expect(reductionDossierBody.parse(back.body)).toEqual(body);
  });

  it('contract errors land on the form field of the same path, in Chinese', () => {
    const body = { ...status().body, personId: '350802198001011230' };
    expect(contractErrors(enforcementStatusBody, body)).toEqual([
      { name: ['personId'], errors: [expect.stringMatching(/^校验码应为 \d，不是 0$/)] },
    ]);
  });
});
