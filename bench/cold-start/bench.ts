// Cold start: every function bundled as deployed to the China regions (tracing off), beside
// two references bundled the same way: an empty handler, and the SDK floor
// (floor-handler.ts: the same SDK clients and a logger, one call of each kind when invoked).
// Each start is a fresh process, the functions alternating with the floor (the empty handler
// once a round); medians. A start imports the bundle and invokes it once with its first event
// against local engines, so the first invocation's lazy work (SDK configuration, first
// connections) is measured beside the floor's first call.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functionBundling, FUNCTION_NODE_OPTIONS, FUNCTION_RUNTIME } from '../../infra/bundling.ts';
import { PROJECT_ROOT } from '../../infra/constructs/linkage-function.ts';
import { FUNCTION_NAMES, type FunctionName } from '../../shared/resources/functions.ts';
import { localClients, destroyClients } from '../../local/clients.ts';
import { startEngines } from '../../local/engines.ts';
import { endpointsOf, functionEnvironment, type ServiceEndpoints } from '../../local/environment.ts';
import { provision } from '../../local/provision.ts';
import { REGISTRY } from '../../shared/pipeline/registry.ts';
import { tableName } from '../../shared/resources/tables.ts';
import { median } from '../measure.ts';
import { bundle, bundleEmptyHandler, type BundleTarget } from './bundle.ts';
import { firstContext, firstEvent } from './first-events.ts';
import { timeInit, type InitSample } from './init-time.ts';
import { outboundQueueUrl } from '../../shared/queues/queue-urls.ts';

/** The China regions have no Lambda X-Ray: their bundles leave the tracer out. */
const TRACING = false;

export interface InitFigures {
  readonly processMs: number;
  readonly importMs: number;
  /** Median first invocation (absent for the empty handler, which is not invoked). */
  readonly firstCallMs?: number;
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
  readonly floor: InitFigures & { readonly bytes: number };
  readonly functions: readonly FunctionColdStart[];
}

/** What a deployed function's process has: the stack's variables and Lambda's own, here pointed at local engines. */
export function lambdaEnvironment(name: string, endpoints: ServiceEndpoints): Record<string, string> {
  const functionName = `linkage-${endpoints.stage}-${name}`;
  return {
    ...functionEnvironment(endpoints, 'WARN'),
    // As deployed: metrics flushed (EMF on stdout), tracing off in the China regions.
    POWERTOOLS_METRICS_DISABLED: 'false',
    POWERTOOLS_TRACE_ENABLED: String(TRACING),
    NODE_OPTIONS: FUNCTION_NODE_OPTIONS,
    AWS_EXECUTION_ENV: `AWS_Lambda_${FUNCTION_RUNTIME.name}`,
    AWS_LAMBDA_FUNCTION_NAME: functionName,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${functionName}`,
    TZ: ':UTC',
  };
}

/**
 * `floorEveryFunction`: start the floor before every function (the full run), or once a round
 * before them all (--quick, which must stay under a minute).
 */
export async function benchColdStart(
  samples: number,
  progress: (line: string) => void,
  floorEveryFunction = true,
): Promise<ColdStartResult> {
  const target: BundleTarget = {
    bundling: functionBundling(TRACING),
    runtime: FUNCTION_RUNTIME,
    projectRoot: PROJECT_ROOT,
  };
  const outdir = mkdtempSync(join(tmpdir(), 'linkage-bench-bundles-'));
  const engines = await startEngines();
  const endpoints = endpointsOf(engines);
  const clients = localClients(endpoints);
  try {
    await provision(clients, endpoints.stage, REGISTRY);
    progress(`cold start: bundling ${FUNCTION_NAMES.length} functions, an empty handler and the SDK floor`);
    const empty = await bundleEmptyHandler(target, join(outdir, 'empty'));
    const floor = await bundle(target, 'bench/cold-start/floor-handler.ts', join(outdir, 'floor'));
    const bundles = await Promise.all(
      FUNCTION_NAMES.map(async (name) => ({
        name,
        bundle: await bundle(target, `functions/${name}/handler.ts`, join(outdir, name)),
      })),
    );
    const floorEvent = {
      table: tableName(endpoints.stage, 'cases'),
      queueUrl: outboundQueueUrl(endpoints, 'FJ-LY-ZY'),
    };
    progress(`cold start: ${samples} starts of each, alternating with the empty handler and the floor`);
    const emptySamples: InitSample[] = [];
    const floorSamples: InitSample[] = [];
    const functionSamples = new Map<FunctionName, InitSample[]>(FUNCTION_NAMES.map((n) => [n, []]));
    for (let round = 0; round < samples; round += 1) {
      // The empty handler (a reference only, no ratio is taken against it) once a round.
      emptySamples.push(await timeInit(empty.file, lambdaEnvironment(bundles[0]!.name, endpoints)));
      for (const [index, { name, bundle: b }] of bundles.entries()) {
        const env = lambdaEnvironment(name, endpoints);
        const context = firstContext(env.AWS_LAMBDA_FUNCTION_NAME!, endpoints.region);
        if (floorEveryFunction || index === 0)
          floorSamples.push(await timeInit(floor.file, env, { event: floorEvent, context }));
        const event = firstEvent(name, endpoints.stage, endpoints.region, round);
        functionSamples.get(name)!.push(await timeInit(b.file, env, { event, context }));
      }
    }
    return {
      samples,
      empty: { bytes: empty.bytes, ...medians(emptySamples) },
      floor: { bytes: floor.bytes, ...medians(floorSamples) },
      functions: bundles.map(({ name, bundle: b }) => ({
        name,
        bytes: b.bytes,
        mapBytes: b.mapBytes,
        largest: b.contributors.slice(0, 8),
        ...medians(functionSamples.get(name)!),
      })),
    };
  } finally {
    destroyClients(clients);
    await engines.stop();
    rmSync(outdir, { recursive: true, force: true });
  }
}

function medians(samples: readonly InitSample[]): InitFigures {
  const calls = samples.flatMap((s) => (s.firstCallMs === undefined ? [] : [s.firstCallMs]));
  return {
    processMs: median(samples.map((s) => s.processMs)),
    importMs: median(samples.map((s) => s.importMs)),
    ...(calls.length > 0 ? { firstCallMs: median(calls) } : {}),
  };
}
