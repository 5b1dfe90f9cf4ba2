// How every linkage function is built and loaded: the runtime, the esbuild options and the
// Node options. One source of truth for the CDK construct (infra/constructs/linkage-function.ts)
// and the cold-start benchmark (bench/cold-start/), so the bench measures what is deployed.
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogLevel, OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';

export const FUNCTION_RUNTIME = Runtime.NODEJS_24_X;

// The X-Ray SDK under Powertools Tracer is CommonJS and calls require(); an ESM bundle has none.
export const CREATE_REQUIRE_BANNER =
  "import { createRequire as __linkageCreateRequire } from 'node:module'; const require = __linkageCreateRequire(import.meta.url);";

export const FUNCTION_BUNDLING: BundlingOptions = {
  format: OutputFormat.ESM,
  mainFields: ['module', 'main'],
  banner: CREATE_REQUIRE_BANNER,
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  bundleAwsSDK: true,
  externalModules: [],
  logLevel: LogLevel.WARNING,
  // esbuild is a devDependency: bundle locally, never in Docker.
  forceDockerBundling: false,
};

/**
 * The bundling of a function whose tracing is on or off. Off, the bundle defines
 * LINKAGE_TRACING as "off" and esbuild leaves the X-Ray SDK out (shared/powertools/tracing.ts).
 */
export function functionBundling(tracing: boolean): BundlingOptions {
  return tracing ? FUNCTION_BUNDLING : { ...FUNCTION_BUNDLING, define: { 'process.env.LINKAGE_TRACING': '"off"' } };
}

/** Stack traces point into the sources through the bundle's source map. */
export const FUNCTION_NODE_OPTIONS = '--enable-source-maps';
