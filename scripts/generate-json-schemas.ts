// Writes schemas/*.json from the contract's zod schemas (`npm run schemas`).
// test/unit/contract/json-schemas.test.ts fails when the committed files are out of date.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { renderJsonSchemas } from '../shared/contract/json-schemas.ts';

const folder = new URL('../schemas/', import.meta.url);
await mkdir(folder, { recursive: true });
for (const old of await readdir(folder)) if (old.endsWith('.json')) await rm(new URL(old, folder));
for (const [name, text] of renderJsonSchemas()) await writeFile(new URL(name, folder), text);
console.log(`wrote ${renderJsonSchemas().size} schema files to schemas/`);
