// The cold-start bench bundles with the construct's own options (infra/bundling.ts); its
// translation into an esbuild build must produce the very bytes the CDK deploys.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle, esbuildOptionsOf, type BundleTarget } from '../../../bench/cold-start/bundle.ts';
import { functionBundling, FUNCTION_BUNDLING, FUNCTION_RUNTIME } from '../../../infra/bundling.ts';
import { regionSettings } from '../../../infra/deployment-settings.ts';
import { PROJECT_ROOT } from '../../../infra/constructs/linkage-function.ts';
import { FUNCTION_NAMES } from '../../../shared/resources/functions.ts';
import { REGION, resourcesOf, synthesize } from '../../infra/synth.ts';

// The synthesized region's bundles: in China, built without the X-Ray SDK.
const target: BundleTarget = {
  bundling: functionBundling(regionSettings(REGION).tracing),
  runtime: FUNCTION_RUNTIME,
  projectRoot: PROJECT_ROOT,
};
let outdir: string;
let assets: Map<string, string>;

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'linkage-bench-bundle-test-'));
  const s = synthesize({ bundle: true, outdir: join(outdir, 'cdk') });
  assets = new Map(
    resourcesOf(s.stateless, 'AWS::Lambda::Function').map(([, fn]) => {
      const key = (fn.Properties.Code as { S3Key: string }).S3Key;
      return [
        String(fn.Properties.FunctionName),
        join(outdir, 'cdk', `asset.${key.replace(/\.zip$/, '')}`, 'index.mjs'),
      ];
    }),
  );
}, 120_000);

afterAll(() => {
  rmSync(outdir, { recursive: true, force: true });
});

describe('cold-start bundles', () => {
  it('are byte for byte the bundles the CDK synthesizes', async () => {
    for (const name of FUNCTION_NAMES) {
      const built = await bundle(target, `functions/${name}/handler.ts`, join(outdir, 'bench', name));
      const deployed = readFileSync(assets.get(`linkage-prod-${name}`)!);
      expect(readFileSync(built.file).equals(deployed), name).toBe(true);
      expect(built.bytes).toBe(deployed.length);
    }
  }, 120_000);

  it('refuse a bundling option they do not translate', () => {
    expect(() =>
      esbuildOptionsOf(
        { ...target, bundling: { ...FUNCTION_BUNDLING, esbuildArgs: { '--tree-shaking': 'false' } } },
        'x.ts',
        outdir,
      ),
    ).toThrow(/esbuildArgs/);
  });
});
