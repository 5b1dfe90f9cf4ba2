// Cold start: every function bundled as deployed, beside an empty handler bundled the same
// way; size against the 400 KB budget, and initialisation in fresh processes, function and
// empty handler alternating, medians.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FUNCTION_BUNDLING, FUNCTION_NODE_OPTIONS, FUNCTION_RUNTIME } from '../../infra/bundling.ts';
import { FUNCTION_NAMES, PROJECT_ROOT, type FunctionName } from '../../infra/constructs/linkage-function.ts';
import { tableVariables } from '../../local/environment.ts';
import { median } from '../measure.ts';
import { bundle, bundleEmptyHandler, type BundleTarget } from './bundle.ts';
import { timeInit, type InitSample } from './init-time.ts';

export const SIZE_BUDGET_BYTES = 400 * 1024;
const STAGE = 'prod';
const REGION = 'cn-north-1';

export interface InitFigures {
  readonly processMs: number;
  readonly importMs: number;
}

export interface FunctionColdStart extends InitFigures {
  readonly name: FunctionName;
  readonly bytes: number;
  readonly mapBytes: number;
  readonly largest: readonly { readonly name: string; readonly bytes: number }[];
}

export interface ColdStartResult {
  readonly samples: number;
  readonly empty: InitFigures & { readonly bytes: number };
  readonly functions: readonly FunctionColdStart[];
}

/** What a deployed function's process has at import: the stack's variables and Lambda's own. */
export function lambdaEnvironment(name: string): Record<string, string> {
  const functionName = `linkage-${STAGE}-${name}`;
  return {
    STAGE,
    QUEUE_URL_BASE: `https://sqs.${REGION}.amazonaws.com.cn/000000000000`,
    ...tableVariables(STAGE),
    POWERTOOLS_SERVICE_NAME: 'linkage',
    POWERTOOLS_METRICS_NAMESPACE: 'Linkage',
    NODE_OPTIONS: FUNCTION_NODE_OPTIONS,
    AWS_REGION: REGION,
    AWS_DEFAULT_REGION: REGION,
    AWS_EXECUTION_ENV: `AWS_Lambda_${FUNCTION_RUNTIME.name}`,
    AWS_LAMBDA_FUNCTION_NAME: functionName,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${functionName}`,
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_SESSION_TOKEN: 'bench',
    TZ: ':UTC',
  };
}

export async function benchColdStart(samples: number, progress: (line: string) => void): Promise<ColdStartResult> {
  const target: BundleTarget = { bundling: FUNCTION_BUNDLING, runtime: FUNCTION_RUNTIME, projectRoot: PROJECT_ROOT };
  const outdir = mkdtempSync(join(tmpdir(), 'linkage-bench-bundles-'));
  try {
    progress(`cold start: bundling ${FUNCTION_NAMES.length} functions and an empty handler`);
    const empty = await bundleEmptyHandler(target, join(outdir, 'empty'));
    const bundles = await Promise.all(
      FUNCTION_NAMES.map(async (name) => ({
        name,
        bundle: await bundle(target, `functions/${name}/handler.ts`, join(outdir, name)),
      })),
    );
    progress(`cold start: ${samples} starts of each, alternating with the empty handler`);
    const emptySamples: InitSample[] = [];
    const functionSamples = new Map<FunctionName, InitSample[]>(FUNCTION_NAMES.map((n) => [n, []]));
    for (let round = 0; round < samples; round += 1) {
      for (const { name, bundle: b } of bundles) {
        emptySamples.push(timeInit(empty.file, lambdaEnvironment(name)));
        functionSamples.get(name)!.push(timeInit(b.file, lambdaEnvironment(name)));
      }
    }
    return {
      samples,
      empty: { bytes: empty.bytes, ...medians(emptySamples) },
      functions: bundles.map(({ name, bundle: b }) => ({
        name,
        bytes: b.bytes,
        mapBytes: b.mapBytes,
        largest: b.contributors.slice(0, 8),
        ...medians(functionSamples.get(name)!),
      })),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

function medians(samples: readonly InitSample[]): InitFigures {
  return { processMs: median(samples.map((s) => s.processMs)), importMs: median(samples.map((s) => s.importMs)) };
}
