// Hostile input: raw message text that is invalid in one of the ways a careless or hostile
// sender's system produces. Every value this generates must be rejected, with a problem that
// names what is wrong. Shared by the contract fuzz test and the reliability suite.
import fc from 'fast-check';
import { dossier, status } from '../../generators/case.ts';

export interface HostileInput {
  readonly kind: string;
  readonly text: string;
}

type Json = Record<string, unknown>;
const clone = <T>(value: T): T => structuredClone(value);
const validBase = fc.constantFrom<Json>(status() as unknown as Json, dossier() as unknown as Json);

/** Replaces `body[key]` in a copy. */
const setBody = (message: Json, key: string, value: unknown): Json => {
  const copy = clone(message);
  (copy.body as Json)[key] = value;
  return copy;
};

const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const CANDIDATES: unknown[] = [12.5, 'seven', true, [1], { nested: 1 }];

/** A field given a value of another JSON type (a string where a number belongs, and so on). */
const wrongType = fc
  .tuple(
    validBase,
    fc.constantFrom('version', 'submittedAt', 'asOf', 'itemNo', 'payments', 'kind', 'prisoner', 'finances'),
    fc.nat(),
  )
  .map(([m, key, n]) => {
    const current = (m.body as Json)[key];
    const others = CANDIDATES.filter(
      (v) => jsonType(v) !== jsonType(current) && !(key === 'finances' && jsonType(v) === 'object'),
    );
    return setBody(m, key, others[n % others.length]);
  });

const missingField = fc
  .tuple(validBase, fc.constantFrom('schema', 'messageId', 'sentAt', 'sender', 'body'))
  .map(([m, key]) => {
    const copy = clone(m);
    delete copy[key];
    return copy;
  });

/** Optional body fields: leaving one out is not an error. */
const OPTIONAL = new Set([
  'enforcementCaseId',
  'wholeEstate',
  'jointLiability',
  'instalments',
  'fineExempted',
  'escrow',
  'victimWaiver',
  'assetSearch',
  'inReplyTo',
  'returnedGainsActively',
]);

const missingBodyField = fc.tuple(validBase, fc.nat()).map(([m, n]) => {
  const copy = clone(m);
  const body = copy.body as Json;
  const required = Object.keys(body).filter((key) => !OPTIONAL.has(key));
  delete body[required[n % required.length]!];
  return copy;
});

const extraField = fc
  .tuple(
    validBase,
    fc.constantFrom('paidFen', 'isAdmin', 'debug', 'Version', 'constructor', 'toString', 'prototype'),
    fc.boolean(),
  )
  .map(([m, key, inBody]) => {
    const copy = clone(m);
    (inBody ? (copy.body as Json) : copy)[key] = 1;
    return copy;
  });

/** `__proto__` must be written as text: object literals would set the prototype instead. */
const protoKey = fc.tuple(validBase, fc.boolean()).map(([m, inBody]) => {
  const text = JSON.stringify(m);
  return inBody
    ? text.replace('"body":{', '"body":{"__proto__":{"polluted":true},')
    : text.replace('{', '{"__proto__":{"admin":true},');
});

const oversizeBody = validBase.map((m) => setBody(m, 'judgmentId', 'x'.repeat(270 * 1024)));
const oversizeString = fc
  .tuple(validBase, fc.integer({ min: 129, max: 20_000 }))
  .map(([m, n]) => setBody(m, 'judgmentId', '案'.repeat(n)));

const deepNesting = fc.integer({ min: 50, max: 5_000 }).map((depth) => {
  const base = JSON.stringify(status());
  return base.replace('"conduct":[]', `"conduct":${'['.repeat(depth)}${']'.repeat(depth)}`);
});

const controlCharacters = fc
  .tuple(validBase, fc.integer({ min: 0, max: 0x1f }), fc.constantFrom('messageId', 'judgmentId', 'applicationId'))
  .map(([m, code, key]) => {
    const bad = `A${String.fromCharCode(code)}B`;
    return key === 'messageId' ? { ...clone(m), messageId: bad } : setBody(m, key, bad);
  });

/** Look-alike letters from other scripts in fields whose format is ASCII. */
const mixedScripts = fc
  .tuple(
    validBase,
    fc.constantFrom('ＦＪ-Ｐ01', 'FJ-Р01', 'ФЖ-P01', 'FJ‐P01'),
    fc.constantFrom('id', 'messageId', 'personId'),
  )
  .map(([m, lookalike, where]) => {
    const copy = clone(m);
    if (where === 'id') copy.sender = { ...(copy.sender as Json), id: lookalike };
    else if (where === 'messageId') copy.messageId = `${lookalike}:1`;
    else if (copy.schema === 'linkage.enforcement-status.v1')
      (copy.body as Json).personId = '３５０８０２１９８００１０１１２３１';
    else copy.sender = { ...(copy.sender as Json), id: lookalike };
    return copy;
  });

const hugeNumbers = fc
  .tuple(validBase, fc.constantFrom(2 ** 53, 2 ** 53 + 2, 1e300, -0.5, 1.5))
  .map(([m, n]) => (m.schema === 'linkage.enforcement-status.v1' ? setBody(m, 'dueFen', n) : setBody(m, 'version', n)));

const impossibleDates = fc
  .tuple(
    validBase,
    fc.constantFrom(
      '2026-02-30T10:00:00+08:00',
      '2026-13-01T10:00:00+08:00',
      '2026-11-20T25:00:00+08:00',
      '2026-11-20',
      '20261120T100000+0800',
      '2026-11-20T10:00:00+15:00',
    ),
  )
  .map(([m, instant]) =>
    m.schema === 'linkage.enforcement-status.v1' ? setBody(m, 'asOf', instant) : setBody(m, 'submittedAt', instant),
  );

const thousandsOfItems = fc.integer({ min: 1_001, max: 3_000 }).map((n) =>
  setBody(
    status() as unknown as Json,
    'payments',
    Array.from({ length: n }, (_, i) => ({ receiptNo: `R${i}`, amountFen: 1, payer: 'SELF', paidOn: '2021-01-01' })),
  ),
);

const nonJson = fc.oneof(
  fc.string({ maxLength: 200 }).filter((s) => {
    try {
      JSON.parse(s);
      return false;
    } catch {
      return true;
    }
  }),
  validBase.map((m) => JSON.stringify(m).slice(0, -3)),
  fc.constantFrom('', 'null', '[]', '"text"', '42', 'true', '\uFEFF{}', '{"schema": NaN}'),
);

const asText = (arbitrary: fc.Arbitrary<unknown>, kind: string): fc.Arbitrary<HostileInput> =>
  arbitrary.map((value) => ({ kind, text: typeof value === 'string' ? value : JSON.stringify(value) }));

/** One hostile message text, labelled with the kind of hostility. */
export const hostileInput: fc.Arbitrary<HostileInput> = fc.oneof(
  asText(wrongType, 'wrong type'),
  asText(missingField, 'missing envelope field'),
  asText(missingBodyField, 'missing body field'),
  asText(extraField, 'extra field'),
  asText(protoKey, '__proto__ key'),
  asText(oversizeBody, 'oversize body'),
  asText(oversizeString, 'oversize string'),
  asText(deepNesting, 'deep nesting'),
  asText(controlCharacters, 'control characters'),
  asText(mixedScripts, 'mixed scripts'),
  asText(hugeNumbers, 'numbers past 2^53 or fractional'),
  asText(impossibleDates, 'impossible dates'),
  asText(thousandsOfItems, 'thousands of items'),
  asText(nonJson, 'not JSON'),
);
