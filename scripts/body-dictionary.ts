// Writes a new deflate dictionary for a stored body (shared/storage/body-codec.ts) from a
// seeded generated corpus: bodies chosen until every key path and enum value seen appears,
// the most common last (deflate reaches the end of its window cheapest).
// Run only to add a NEW version: stored items name their codec, so a published dictionary must
// never change (its test pins the bytes).
//   node scripts/body-dictionary.ts <flag|dossier> <version>
//   writes shared/storage/dictionaries/<kind>-<version>.ts
import { writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { caseArbitrary } from '../generators/arbitraries.ts';
import { parseCaseFile } from '../shared/contract/case-file.ts';
import { evaluate } from '../shared/rules/evaluate.ts';
import { factsFromMessages } from '../shared/rules/facts.ts';
import { DEFAULT_POLICY } from '../shared/rules/policy.ts';

const DICTIONARY_BYTES = 16 * 1024;
const [kind, version] = process.argv.slice(2);
if ((kind !== 'flag' && kind !== 'dossier') || !version || !/^[0-9]+$/.test(version))
  throw new Error('usage: node scripts/body-dictionary.ts <flag|dossier> <version>');

const bodies: unknown[] = fc.sample(caseArbitrary, { numRuns: 3000, seed: 20241101 }).flatMap((c) => {
  const parsed = parseCaseFile(c);
  if (!parsed.ok) return [];
  const facts = factsFromMessages(parsed.value.messages);
  if (typeof facts === 'string') return [];
  return [kind === 'flag' ? evaluate(facts, DEFAULT_POLICY, c.now).flag : facts.dossier];
});

/** Key paths, and enum-like values (codes in capitals) at their paths. */
function featuresOf(value: unknown, path = '', into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => featuresOf(v, `${path}[]`, into));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      into.add(`${path}.${k}`);
      featuresOf(v, `${path}.${k}`, into);
    }
  else if (typeof value === 'string' && /^[A-Z][A-Z0-9_-]+$/.test(value)) into.add(`${path}=${value}`);
  return into;
}

const features = bodies.map((b) => [...featuresOf(b)]);
const frequency = new Map<string, number>();
for (const list of features) for (const f of list) frequency.set(f, (frequency.get(f) ?? 0) + 1);
const chosen: number[] = [];
const seen = new Set<string>();
for (;;) {
  let best = -1;
  let bestGain = 0;
  features.forEach((list, i) => {
    const gain = list.filter((f) => !seen.has(f)).length;
    if (gain > bestGain) [best, bestGain] = [i, gain];
  });
  if (best < 0) break;
  chosen.push(best);
  features[best]!.forEach((f) => seen.add(f));
}
const commonness = (i: number) => features[i]!.reduce((sum, f) => sum + (frequency.get(f) ?? 0), 0);
chosen.sort((a, b) => commonness(a) - commonness(b));
const text = Buffer.from(chosen.map((i) => JSON.stringify(bodies[i])).join(''), 'utf8')
  .subarray(-DICTIONARY_BYTES)
  .toString('utf8')
  .replace(/^\uFFFD+/, '');

// Kept deflated in the source (a quarter of the size in every bundle that stores the kind);
// body-codec.ts inflates it once, on first use.
const packed = deflateRawSync(Buffer.from(text, 'utf8'), { level: 9 }).toString('base64');
const name = `${kind.toUpperCase()}_DICTIONARY_${version}`;
const file = new URL(`../shared/storage/dictionaries/${kind}-${version}.ts`, import.meta.url);
writeFileSync(
  file,
  `// Deflate dictionary ${version} of stored ${kind} bodies (${Buffer.byteLength(text)} bytes, itself deflated and in\n` +
    `// base64), written by scripts/body-dictionary.ts. Never edit: stored items name it, and only\n` +
    `// these exact bytes decode them.\n` +
    `export const ${name} = ${JSON.stringify(packed)};\n`,
);
console.log(`${file.pathname}: ${Buffer.byteLength(text)} bytes from ${chosen.length} of ${bodies.length} bodies`);
