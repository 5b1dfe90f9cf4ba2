// The committed JSON Schema files are exactly what the zod schemas generate.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderJsonSchemas } from '../../../shared/contract/json-schemas.ts';

const folder = new URL('../../../schemas/', import.meta.url);

describe('schemas/ for integrators', () => {
  const rendered = renderJsonSchemas();
  it('holds one file per generated schema and nothing else', () => {
    expect(
      readdirSync(folder)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual([...rendered.keys()].sort());
  });
  it.each([...rendered])('%s is up to date (run `npm run schemas`)', (name, text) => {
    expect(readFileSync(new URL(name, folder), 'utf8')).toBe(text);
  });
});
