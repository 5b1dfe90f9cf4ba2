// The real bundle: esbuild (installed locally, no Docker) builds each handler into an ESM
// file with a source map and the AWS SDK inside, and the bundle loads on Node 24.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_NAMES } from '../../shared/resources/functions.ts';
import { render, resourcesOf, synthesize, type Synthesized } from './synth.ts';

let outdir: string;
let s: Synthesized;
let bundles: Map<string, { dir: string; env: Record<string, string> }>;

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'linkage-bundle-'));
  s = synthesize({ bundle: true, outdir });
  bundles = new Map(
    resourcesOf(s.stateless, 'AWS::Lambda::Function').map(([, fn]) => {
      const key = (fn.Properties.Code as { S3Key: string }).S3Key;
      const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      const env = Object.fromEntries(
        Object.entries(variables).map(([k, v]) => [k, render(v).replace('${AWS::URLSuffix}', 'amazonaws.com.cn')]),
      );
      return [fn.Properties.FunctionName as string, { dir: join(outdir, `asset.${key.replace(/\.zip$/, '')}`), env }];
    }),
  );
});

afterAll(() => {
  rmSync(outdir, { recursive: true, force: true });
});

describe('bundles', () => {
  it('exist for all five functions, as minified ESM with a source map', () => {
    expect([...bundles.keys()].sort()).toEqual(FUNCTION_NAMES.map((name) => `linkage-prod-${name}`).sort());
    for (const [name, { dir }] of bundles) {
      const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
      // Booleans, not the code: a failure must not print a megabyte of bundle.
      expect(
        code.startsWith("import { createRequire as __linkageCreateRequire } from 'node:module';"),
        `${name} banner`,
      ).toBe(true);
      expect(
        /export\s*\{[^}]*\bas handler\b[^}]*\}|export\s*\{\s*handler\s*\}/.test(code),
        `${name} exports handler`,
      ).toBe(true);
      expect(/\/\/# sourceMappingURL=index\.mjs\.map\s*$/.test(code), `${name} source map link`).toBe(true);
      expect(existsSync(join(dir, 'index.mjs.map')), `${name} source map`).toBe(true);
      // The SDK is bundled: no import of @aws-sdk or @smithy is left for the runtime to resolve.
      expect(
        /\bfrom\s*["']@(aws-sdk|smithy)\/|\bimport\s*\(\s*["']@(aws-sdk|smithy)\//.test(code),
        `${name} imports the SDK`,
      ).toBe(false);
    }
  });

  // The assets live under the OS temp dir, with no node_modules above them: anything not
  // bundled would fail to resolve here, as it would on Lambda.
  it('load on Node 24 with their deployed environment and export a handler function', () => {
    for (const [name, { dir, env }] of bundles) {
      const url = pathToFileURL(join(dir, 'index.mjs')).href;
      const run = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const m = await import(${JSON.stringify(url)}); process.stdout.write(typeof m.handler);`,
        ],
        {
          env: {
            PATH: process.env.PATH ?? '',
            ...env,
            AWS_REGION: 'cn-north-1',
            AWS_ACCESS_KEY_ID: 'x',
            AWS_SECRET_ACCESS_KEY: 'x',
            AWS_LAMBDA_FUNCTION_NAME: name,
          },
          encoding: 'utf8',
          timeout: 30_000,
        },
      );
      expect(run.stderr, name).toBe('');
      expect(run.stdout, name).toBe('function');
      expect(run.status, name).toBe(0);
    }
  });
});
