#!/usr/bin/env node
// Launcher for the `linkage` command. The project runs TypeScript directly on Node 24
// (type stripping); on an older Node it re-runs itself on the project's own Node 24.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

if (process.features.typescript) {
  await import('../cli/main.ts');
} else {
  const projectNode = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
  if (!existsSync(projectNode)) {
    process.stderr.write('linkage needs Node.js 24: run `npm ci` in the project first.\n');
    process.exit(1);
  }
  const run = spawnSync(projectNode, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
