// `node scripts/generate-registry.ts 5000 /tmp/registry-5000.json`: a national registry of N
// institutions (generators/registry.ts), for `npm run synth -- -c registry=FILE` and
// `LINKAGE_REGISTRY_FILE=FILE npm start`.
import { writeFileSync } from 'node:fs';
import { generateRegistry } from '../generators/registry.ts';

const [size, file] = process.argv.slice(2);
if (!size || !file) {
  process.stderr.write('usage: node scripts/generate-registry.ts SIZE FILE\n');
  process.exit(2);
}
const registry = generateRegistry(Number(size));
writeFileSync(file, `${JSON.stringify(registry, null, 2)}\n`);
process.stdout.write(`${registry.institutions.length} institutions written to ${file}\n`);
