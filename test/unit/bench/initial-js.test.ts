import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { measureInitialJs } from '../../../bench/console/initial-js.ts';

describe('initial JavaScript of the console', () => {
  const dist = mkdtempSync(join(tmpdir(), 'initial-js-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  mkdirSync(join(dist, 'assets'));
  const files: Record<string, string> = {
    'boot.js': 'boot();'.repeat(10),
    'assets/index.js': 'entry();'.repeat(100),
    'assets/client.js': 'react();'.repeat(300),
    'assets/list.js': 'list();'.repeat(50),
    'assets/table.js': 'table();'.repeat(70),
    'assets/other.js': 'other();'.repeat(500),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dist, name), text);
  writeFileSync(
    join(dist, 'index.html'),
    '<script src="/boot.js" data-list-chunks="/assets/list.js /assets/table.js"></script>' +
      '<script type="module" crossorigin src="/assets/index.js"></script>' +
      '<link rel="modulepreload" crossorigin href="/assets/client.js">',
  );
  const gz = (name: string) => gzipSync(files[name]!, { level: 9 }).length;

  it('counts the entry, its preloads and boot.js as initial, and the list page beside them', () => {
    const measured = measureInitialJs(dist);
    expect(measured.initialFiles).toEqual(['boot.js', 'assets/index.js', 'assets/client.js']);
    expect(measured.initialGzipBytes).toBe(gz('boot.js') + gz('assets/index.js') + gz('assets/client.js'));
    expect(measured.listPageFiles).toBe(2);
    expect(measured.listPageGzipBytes).toBe(gz('assets/list.js') + gz('assets/table.js'));
    expect(measured.allJsFiles).toBe(5);
  });
});
