// Stored flags and dossiers: deflated against pinned dictionaries, read back exactly, and small
// enough that a revision and an application item each take one write unit.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { marshall } from '@aws-sdk/util-dynamodb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseArbitrary } from '../../../generators/arbitraries.ts';
import { dossier, flagOf } from '../../../generators/case.ts';
import { parseCaseFile } from '../../../shared/contract/case-file.ts';
import type { FulfilmentFlag } from '../../../shared/contract/fulfilment-flag.ts';
import type { ReductionDossier } from '../../../shared/contract/reduction-dossier.ts';
import { evaluate } from '../../../shared/rules/evaluate.ts';
import { factsFromMessages } from '../../../shared/rules/facts.ts';
import { DEFAULT_POLICY } from '../../../shared/rules/policy.ts';
import { dictionaryBytes } from '../../../shared/storage/body-codec.ts';
import { storedRevisionItem } from '../../../shared/storage/decision-store.ts';
import { DOSSIER_DICTIONARY_1 } from '../../../shared/storage/dictionaries/dossier-1.ts';
import { FLAG_DICTIONARY_1 } from '../../../shared/storage/dictionaries/flag-1.ts';
import { encodeDossier, withDossier } from '../../../shared/storage/stored-dossier.ts';
import { decodeFlag } from '../../../shared/storage/stored-flag.ts';
import { applicationItem } from '../../support/stored-items.ts';

/** DynamoDB's item size, as dynalite computes it (names and values, binary as bytes). */
const itemSize = (createRequire(import.meta.url)('dynalite/db') as { itemSize(item: unknown): number }).itemSize;
const units = (item: Record<string, unknown>) =>
  Math.ceil(itemSize(marshall(item, { removeUndefinedValues: true })) / 1024);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

// A corpus the dictionaries were not built from (another seed than scripts/body-dictionary.ts).
const corpus = fc.sample(caseArbitrary, { numRuns: 400, seed: 7 }).flatMap((c) => {
  const parsed = parseCaseFile(c);
  if (!parsed.ok) return [];
  const facts = factsFromMessages(parsed.value.messages);
  return typeof facts === 'string'
    ? []
    : [{ flag: evaluate(facts, DEFAULT_POLICY, c.now).flag, dossier: facts.dossier }];
});
const revision = (flag: FulfilmentFlag) =>
  storedRevisionItem({
    applicationId: flag.applicationId,
    revision: flag.revision,
    flag,
    fingerprint: 'f'.repeat(64),
    trigger: 'status FJ-LY-XL:0123456789abcdef0123456789abcdef01234567',
    recordedAt: flag.evaluatedAt,
  });
/** An application item as the service stores it after an evaluation (its state included). */
const application = (body: ReductionDossier) =>
  applicationItem({ ...dossier(), body } as ReturnType<typeof dossier>, {
    revision: 3,
    sentRevision: 3,
    fingerprint: 'f'.repeat(64),
    decision: 'BLOCK',
    evaluatedAt: '2026-11-20T09:30:00.000+08:00',
    nextCheckAt: '2026-11-27T16:00:00.000Z',
    dueShard: '7',
  });

describe('stored flags', () => {
  it('read back exactly what was written', () => {
    expect(corpus.length).toBeGreaterThan(300);
    for (const { flag } of corpus) expect(decodeFlag(revision(flag))).toEqual(flag);
  });

  it('take one write unit where the plain map took two or more', () => {
    const plain = corpus.map(({ flag }) =>
      units({ ...revision(flag), flagCodec: undefined, flagData: undefined, flag }),
    );
    const encoded = corpus.map(({ flag }) => units(revision(flag)));
    expect(mean(plain)).toBeGreaterThanOrEqual(2);
    expect(encoded.filter((u) => u === 1).length / encoded.length).toBeGreaterThanOrEqual(0.95);
  });

  it('read a revision written before the codec (a plain flag map)', () => {
    const flag = flagOf({ messages: [dossier()] });
    const { flagCodec: _codec, flagData: _data, ...rest } = revision(flag);
    expect(decodeFlag({ ...rest, flag })).toEqual(flag);
  });

  it('refuse an unknown codec by name instead of guessing', () => {
    const item = { ...revision(flagOf({ messages: [dossier()] })), flagCodec: 'deflate-raw/flag-9' };
    expect(() => decodeFlag(item)).toThrow(/flag of revision R#000001: unknown codec deflate-raw\/flag-9/);
  });
});

describe('stored dossiers', () => {
  it('read back exactly what was written', () => {
    for (const { dossier: body } of corpus) expect(withDossier(application(body)).dossier).toEqual(body);
  });

  it('keep the evaluated application item to one write unit where the plain map took two', () => {
    const plain = corpus.map(({ dossier: body }) => {
      const { dossierCodec: _c, dossierData: _d, ...rest } = application(body);
      return units({ ...rest, dossier: body });
    });
    const encoded = corpus.map(({ dossier: body }) => units(application(body)));
    expect(mean(plain)).toBeGreaterThan(1.5);
    expect(encoded.filter((u) => u === 1).length / encoded.length).toBeGreaterThanOrEqual(0.95);
  });

  it('leave an item written before the codec as it is', () => {
    const body = dossier().body;
    const { dossierCodec: _c, dossierData: _d, ...legacy } = application(body);
    expect(withDossier({ ...legacy, dossier: body })).toEqual({ ...legacy, dossier: body });
  });

  it('do not read a dossier with the flag codec', () => {
    const item = {
      ...application(dossier().body),
      ...encodeDossier(dossier().body),
      dossierCodec: 'deflate-raw/flag-1',
    };
    expect(() => withDossier(item)).toThrow(/dossier of application A#.*: unknown codec deflate-raw\/flag-1/);
  });
});

describe('the dictionaries', () => {
  it('stay byte for byte: stored items can only be read with them', () => {
    // A new dictionary is a new codec (scripts/body-dictionary.ts <kind> <version>), never a change.
    const sha = (packed: string) => createHash('sha256').update(dictionaryBytes(packed)).digest('hex');
    expect({ flag: sha(FLAG_DICTIONARY_1), dossier: sha(DOSSIER_DICTIONARY_1) }).toEqual({
      flag: '6b2fc9fa0e270d025c54088ab384eaec873e957c6fa59e927555c8f8b0c1d9da',
      dossier: 'd9ad22705f48e6f8aa560b2835c14cb72ff091f3c155a305bfee85efc2bdb825',
    });
  });
});
