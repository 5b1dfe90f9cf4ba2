// Bundles a handler exactly as the CDK construct does: the construct's own bundling options
// (infra/bundling.ts) turned into the esbuild build the CDK runs (aws-lambda-nodejs
// Bundling: `esbuild --bundle <entry> --target=... --platform=node ...`, from the project
// root). An option the CDK would pass and this does not translate is an error, so the two
// cannot drift apart silently; test/unit/bench/bundle.test.ts compares the bytes with a CDK synth.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Runtime } from 'aws-cdk-lib/aws-lambda';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { build, type BuildOptions, type Metafile } from 'esbuild';

const TRANSLATED = new Set([
  'format',
  'mainFields',
  'banner',
  'footer',
  'minify',
  'sourceMap',
  'sourceMapMode',
  'sourcesContent',
  'bundleAwsSDK',
  'externalModules',
  'logLevel',
  'target',
  'loader',
  'define',
  'keepNames',
  'tsconfig',
  'metafile',
  'inject',
]);
// Settings of the Docker bundling path or of the asset, not of the esbuild build.
const NOT_ESBUILD = new Set([
  'forceDockerBundling',
  'dockerImage',
  'buildArgs',
  'esbuildVersion',
  'bundlingFileAccess',
  'assetHash',
  'network',
  'securityOpt',
  'volumes',
  'volumesFrom',
  'user',
  'workingDirectory',
  'environment',
  'platform',
]);

export interface BundleTarget {
  readonly bundling: BundlingOptions;
  readonly runtime: Runtime;
  readonly projectRoot: string;
}

/** The esbuild options the CDK's local bundling would use for `entry` (relative to the project root). */
export function esbuildOptionsOf(target: BundleTarget, entry: string, outdir: string): BuildOptions {
  const { bundling, runtime, projectRoot } = target;
  const unknown = Object.keys(bundling).filter((key) => !TRANSLATED.has(key) && !NOT_ESBUILD.has(key));
  if (unknown.length > 0)
    throw new Error(
      `bundling options with no esbuild translation in bench/cold-start/bundle.ts: ${unknown.join(', ')}`,
    );
  if (bundling.externalModules === undefined && bundling.bundleAwsSDK !== true) {
    throw new Error('set externalModules explicitly: the CDK default depends on a feature flag');
  }
  const version = /nodejs(\d+)/.exec(runtime.name)?.[1];
  if (!version) throw new Error(`cannot take a Node version from runtime ${runtime.name}`);
  const esm = bundling.format === 'esm';
  const mode = bundling.sourceMapMode ?? 'default';
  return {
    absWorkingDir: projectRoot,
    entryPoints: [entry],
    bundle: true,
    target: bundling.target ?? `node${version}`,
    platform: 'node',
    ...(bundling.format ? { format: bundling.format as 'esm' | 'cjs' } : {}),
    outfile: join(outdir, esm ? 'index.mjs' : 'index.js'),
    minify: bundling.minify ?? false,
    ...(bundling.sourceMap || bundling.sourceMapMode
      ? { sourcemap: mode === 'default' ? true : (mode as 'inline' | 'external' | 'both') }
      : {}),
    sourcesContent: bundling.sourcesContent ?? true,
    external: bundling.externalModules ?? [],
    ...(bundling.loader ? { loader: bundling.loader as BuildOptions['loader'] } : {}),
    ...(bundling.define ? { define: bundling.define } : {}),
    ...(bundling.logLevel ? { logLevel: bundling.logLevel as BuildOptions['logLevel'] } : {}),
    ...(bundling.keepNames ? { keepNames: true } : {}),
    ...(bundling.tsconfig ? { tsconfig: join(projectRoot, bundling.tsconfig) } : {}),
    ...(bundling.banner ? { banner: { js: bundling.banner } } : {}),
    ...(bundling.footer ? { footer: { js: bundling.footer } } : {}),
    ...(bundling.mainFields ? { mainFields: bundling.mainFields } : {}),
    ...(bundling.inject ? { inject: bundling.inject } : {}),
    // In memory only: the CDK writes it as a file next to the bundle when asked; the bytes of the bundle do not change.
    metafile: true,
  };
}

export interface Bundle {
  readonly file: string;
  readonly bytes: number;
  readonly mapBytes: number;
  /** Bytes in the bundle by package (or project folder), largest first. */
  readonly contributors: readonly { readonly name: string; readonly bytes: number }[];
}

export async function bundle(target: BundleTarget, entry: string, outdir: string): Promise<Bundle> {
  mkdirSync(outdir, { recursive: true });
  const options = esbuildOptionsOf(target, entry, outdir);
  const result = await build(options);
  const file = options.outfile!;
  const mapFile = `${file}.map`;
  let mapBytes = 0;
  try {
    mapBytes = statSync(mapFile).size;
  } catch {
    // No separate map (inline or none).
  }
  return { file, bytes: statSync(file).size, mapBytes, contributors: contributorsOf(result.metafile!, file) };
}

/** An empty handler, bundled the same way: the floor every function is compared with. */
export async function bundleEmptyHandler(target: BundleTarget, outdir: string): Promise<Bundle> {
  mkdirSync(outdir, { recursive: true });
  const entry = join(outdir, 'empty-handler.ts');
  writeFileSync(entry, 'export const handler = async (): Promise<object> => ({});\n');
  return bundle(target, entry, join(outdir, 'out'));
}

function contributorsOf(metafile: Metafile, file: string): { name: string; bytes: number }[] {
  const output = Object.entries(metafile.outputs).find(([path]) => file.endsWith(path.replace(/^(\.\.\/)+/, '')))?.[1];
  const byName = new Map<string, number>();
  for (const [path, input] of Object.entries(output?.inputs ?? {})) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
    const name = pkg ?? path.split('/').slice(0, 2).join('/');
    byName.set(name, (byName.get(name) ?? 0) + input.bytesInOutput);
  }
  return [...byName.entries()].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}
