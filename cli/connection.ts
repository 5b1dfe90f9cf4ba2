// Where the `linkage` institution commands talk to: the local service started by
// `npm start` (found through .data/endpoints.json, no configuration needed), or AWS with the
// SDK's usual configuration (profile, credentials, region, AWS_ENDPOINT_URL* for LocalStack).
//   LINKAGE_TARGET=local|aws   force one (otherwise: any AWS_* setting means AWS, else local)
//   LINKAGE_STAGE              the deployed stage on AWS (default prod)
//   LINKAGE_QUEUE_URL_BASE     https://sqs.<region>.amazonaws.com/<service account>; without
//                              it queue URLs come from GetQueueUrl in the service's account
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { LOCAL_CREDENTIALS } from '../local/environment.ts';
import { projectDataDir, readEndpointsFile } from '../local/endpoints-file.ts';
import { REGISTRY } from '../local/registry.ts';
import { EXIT_FAILURE } from './exit-codes.ts';
import { queueUrl } from '../shared/queues/queue-urls.ts';

export interface ServiceConnection {
  readonly target: 'local' | 'aws';
  readonly stage: string;
  readonly sqs: SQSClient;
  readonly dynamodb: DynamoDBClient;
  /** A one-line description for messages: where the commands are talking to. */
  readonly where: string;
  queueUrl(queueName: string): Promise<string>;
  close(): void;
}

/** Thrown when there is nothing to connect to; the CLI prints it and exits 1. */
export class ConnectionError extends Error {
  readonly exitCode = EXIT_FAILURE;
}

const AWS_SETTINGS = [
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_SQS',
  'AWS_ENDPOINT_URL_DYNAMODB',
  'AWS_PROFILE',
  'AWS_ACCESS_KEY_ID',
];

export function connect(env: NodeJS.ProcessEnv = process.env): ServiceConnection {
  const forced = env.LINKAGE_TARGET;
  if (forced !== undefined && forced !== 'local' && forced !== 'aws')
    throw new ConnectionError(`LINKAGE_TARGET must be local or aws, not ${forced}`);
  const wantsAws = forced === 'aws' || (forced === undefined && AWS_SETTINGS.some((name) => env[name]));
  if (!wantsAws) {
    const dataDir = projectDataDir();
    const local = readEndpointsFile(dataDir);
    if (local) return localConnection(local, dataDir);
    if (forced === 'local')
      throw new ConnectionError(`No local service runs on ${dataDir}: start one with \`npm start\`.`);
    return awsConnection(
      env,
      `No local service runs on ${dataDir} (start one with \`npm start\`), and AWS is not reachable either`,
    );
  }
  return awsConnection(env, 'AWS is not reachable');
}

function localConnection(local: NonNullable<ReturnType<typeof readEndpointsFile>>, dataDir: string): ServiceConnection {
  const common = { region: local.region, credentials: LOCAL_CREDENTIALS };
  const sqs = new SQSClient({ ...common, endpoint: local.sqsEndpoint });
  const dynamodb = new DynamoDBClient({ ...common, endpoint: local.dynamodbEndpoint });
  return {
    target: 'local',
    stage: local.stage,
    sqs,
    dynamodb,
    where: `local service (pid ${local.pid}, ${dataDir})`,
    queueUrl: async (name) => queueUrl(local, name),
    close() {
      sqs.destroy();
      dynamodb.destroy();
    },
  };
}

function awsConnection(env: NodeJS.ProcessEnv, unreachable: string): ServiceConnection {
  const stage = env.LINKAGE_STAGE ?? 'prod';
  // The SDK reads region, credentials and endpoints (AWS_ENDPOINT_URL*) from the environment and ~/.aws.
  // With a custom endpoint (LocalStack), send there, not to the host in the queue URLs it returns.
  const sqs = new SQSClient(env.AWS_ENDPOINT_URL || env.AWS_ENDPOINT_URL_SQS ? { useQueueUrlAsEndpoint: false } : {});
  const dynamodb = new DynamoDBClient({});
  const base = env.LINKAGE_QUEUE_URL_BASE?.replace(/\/+$/, '');
  const cache = new Map<string, Promise<string>>();
  const lookUp = async (name: string): Promise<string> => {
    try {
      // The queues live in the service's account, usually not the caller's.
      return (
        await sqs.send(new GetQueueUrlCommand({ QueueName: name, QueueOwnerAWSAccountId: REGISTRY.service.accountId }))
      ).QueueUrl!;
    } catch (error) {
      try {
        return (await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl!;
      } catch {
        throw new ConnectionError(
          `${unreachable}: cannot find queue ${name} (stage ${stage}): ${(error as Error).message}. On AWS, set the usual AWS configuration and LINKAGE_STAGE (or LINKAGE_QUEUE_URL_BASE).`,
        );
      }
    }
  };
  return {
    target: 'aws',
    stage,
    sqs,
    dynamodb,
    where: `AWS (stage ${stage}${env.AWS_ENDPOINT_URL ? `, endpoint ${env.AWS_ENDPOINT_URL}` : ''})`,
    queueUrl(name) {
      if (base) return Promise.resolve(`${base}/${name}`);
      if (!cache.has(name)) cache.set(name, lookUp(name));
      return cache.get(name)!;
    },
    close() {
      sqs.destroy();
      dynamodb.destroy();
    },
  };
}
