// What differs between the regions a stage deploys to, in one place: partition, tracing,
// Lambda runtime and architecture, the service endpoints' spellings. The AWS China regions
// (partition aws-cn) have no Lambda X-Ray integration and get new runtimes later than the
// global regions; everything else in the stacks reads its settings from here.
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';

export type Partition = 'aws' | 'aws-cn';

/** The two runtimes the code is tested on (see scripts/node22-smoke.ts); the first is preferred. */
export const SUPPORTED_RUNTIMES = ['nodejs24.x', 'nodejs22.x'] as const;
export type RuntimeName = (typeof SUPPORTED_RUNTIMES)[number];
export const ARCHITECTURES = ['arm64', 'x86_64'] as const;
export type ArchitectureName = (typeof ARCHITECTURES)[number];

export interface RegionSettings {
  readonly region: string;
  readonly partition: Partition;
  /** "X-Ray integration with Lambda functions is not available in the China Regions." */
  readonly tracing: boolean;
  readonly runtime: RuntimeName;
  readonly architecture: ArchitectureName;
}

/** Regions whose settings are known; any other region gets the global defaults. */
const KNOWN: Readonly<Record<string, Omit<RegionSettings, 'region'>>> = {
  'cn-north-1': { partition: 'aws-cn', tracing: false, runtime: 'nodejs24.x', architecture: 'arm64' },
  'cn-northwest-1': { partition: 'aws-cn', tracing: false, runtime: 'nodejs24.x', architecture: 'arm64' },
};
const GLOBAL_DEFAULTS: Omit<RegionSettings, 'region'> = {
  partition: 'aws',
  tracing: true,
  runtime: 'nodejs24.x',
  architecture: 'arm64',
};

export interface SettingOverrides {
  /** `-c runtime=nodejs22.x`: the fallback while a region lacks nodejs24.x. */
  readonly runtime?: string;
  /** `-c architecture=x86_64`. */
  readonly architecture?: string;
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new Error(`${name} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
  return value as T;
}

export function regionSettings(region: string, overrides: SettingOverrides = {}): RegionSettings {
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) {
    throw new Error(`region must be an AWS region such as cn-north-1 (got ${JSON.stringify(region)})`);
  }
  const base = KNOWN[region] ?? { ...GLOBAL_DEFAULTS, partition: region.startsWith('cn-') ? 'aws-cn' : 'aws' };
  return {
    ...base,
    region,
    ...(base.partition === 'aws-cn' ? { tracing: false } : {}),
    runtime: oneOf('runtime', overrides.runtime, SUPPORTED_RUNTIMES) ?? base.runtime,
    architecture: oneOf('architecture', overrides.architecture, ARCHITECTURES) ?? base.architecture,
  };
}

export function lambdaRuntime(settings: RegionSettings): Runtime {
  return settings.runtime === 'nodejs24.x' ? Runtime.NODEJS_24_X : Runtime.NODEJS_22_X;
}

export function lambdaArchitecture(settings: RegionSettings): Architecture {
  return settings.architecture === 'arm64' ? Architecture.ARM_64 : Architecture.X86_64;
}

/**
 * The `kms:ViaService` pattern of a regional endpoint. CDK's own grants and AWS's scripts for
 * China accounts spell it `sqs.cn-north-1.amazonaws.com`, the China endpoint's host name is
 * `…amazonaws.com.cn`: a StringLike on `…amazonaws.com*` holds for both.
 */
export function viaServicePattern(service: 'sqs' | 'dynamodb', region: string): string {
  return `${service}.${region}.amazonaws.com*`;
}

/**
 * CloudWatch Logs' regional service principals, for the log key's policy. Outside China it
 * is `logs.<region>.amazonaws.com`; the China documentation shows `.amazonaws.com.cn` and
 * some China accounts accept the global spelling, so both are allowed there.
 */
export function logsServicePrincipals(settings: RegionSettings): string[] {
  const global = `logs.${settings.region}.amazonaws.com`;
  return settings.partition === 'aws-cn' ? [global, `${global}.cn`] : [global];
}
