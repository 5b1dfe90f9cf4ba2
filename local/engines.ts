// The two embedded AWS-API engines of local mode on loopback ports: dynalite (DynamoDB API,
// LevelDB on disk) and fauxqs (SQS API, SQLite on disk). With a data folder both keep their
// state across restarts; without one they run in memory. `startEngines` runs them on a worker
// thread (engine-thread.ts), so their request handling, JSON and storage work use the second
// core instead of competing with the functions for this thread's event loop.
import { chmodSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import dynalite from 'dynalite';
import { startFauxqs, type FauxqsServer } from 'fauxqs';

/** fauxqs's fixed account id: queue URLs and ARNs carry it. */
export const LOCAL_ACCOUNT_ID = '000000000000';
export const LOOPBACK = '127.0.0.1';

export interface EngineOptions {
  /** Folder for the engines' files (created owner-only); omit for in-memory engines. */
  readonly dataDir?: string;
  /** 0 (the default) picks a free port. */
  readonly dynamodbPort?: number;
  readonly sqsPort?: number;
  /** URL of a module the engine thread imports first; its default export is a ThreadPlugin. */
  readonly threadPlugin?: string;
}

export interface Engines {
  readonly dynamodbEndpoint: string;
  readonly sqsEndpoint: string;
  /** Queue URL = `${queueUrlBase}/${queueName}`. */
  readonly queueUrlBase: string;
  readonly dynamodbPort: number;
  readonly sqsPort: number;
  stop(): Promise<void>;
}

/** The engines on their own worker thread; `stop` closes both servers, then ends the thread. */
export async function startEngines(options: EngineOptions = {}): Promise<EnginesOnThread> {
  // Only the engine options cross to the thread (callers pass wider option objects).
  const { dataDir, dynamodbPort, sqsPort, threadPlugin } = options;
  const worker = new Worker(new URL('./engine-thread.ts', import.meta.url), {
    workerData: { dataDir, dynamodbPort, sqsPort, threadPlugin } satisfies EngineOptions,
  });
  // Replies carry the id of the request they answer (0: the start report).
  const waiting = new Map<number, (message: ThreadMessage) => void>();
  const started = new Promise<EngineEndpoints>((resolve, reject) => {
    waiting.set(0, (m) =>
      m.type === 'started'
        ? resolve(m.endpoints)
        : reject(new Error(`embedded engines did not start: ${JSON.stringify(m)}`)),
    );
    worker.once('error', reject);
  });
  worker.on('message', (message: ThreadMessage & { id: number }) => {
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  });
  let lastId = 0;
  const request = (message: { type: 'ask'; message: unknown } | { type: 'stop' }) =>
    new Promise<ThreadMessage>((resolve) => {
      const id = ++lastId;
      waiting.set(id, resolve);
      worker.postMessage({ ...message, id });
    });
  const endpoints = await started;
  let stopping: Promise<void> | undefined;
  return {
    ...endpoints,
    async ask(message) {
      const reply = await request({ type: 'ask', message });
      if (reply.type !== 'answer')
        throw new Error(`the engine thread's plugin could not answer: ${JSON.stringify(reply)}`);
      return reply.answer;
    },
    stop() {
      stopping ??= request({ type: 'stop' }).then(() => worker.terminate().then(() => undefined));
      return stopping;
    },
  };
}

/** The engines as `startEngines` gives them: on a thread that a plugin may be asked about. */
export interface EnginesOnThread extends Engines {
  /** Sends `message` to the thread plugin (EngineOptions.threadPlugin) and returns its answer. */
  ask(message: unknown): Promise<unknown>;
}

/** From the engine thread (engine-thread.ts), with the id of the request answered. */
export type ThreadMessage =
  | { type: 'started'; endpoints: EngineEndpoints }
  | { type: 'failed'; error: string }
  | { type: 'answer'; answer: unknown }
  | { type: 'stopped' };

/** A module the engine thread imports before it starts the engines (bench instrumentation). */
export interface ThreadPlugin {
  answer(message: unknown): unknown;
}

/** What the engine thread reports once both servers listen. */
export type EngineEndpoints = Omit<Engines, 'stop'>;

/** The engines on the calling thread (engine-thread.ts runs this on its own thread). */
export async function startEnginesHere(options: EngineOptions = {}): Promise<Engines> {
  const { dataDir } = options;
  if (dataDir) {
    // Owner only, also when the folder already existed: it holds identity numbers and names.
    for (const folder of [dataDir, join(dataDir, 'dynamodb'), join(dataDir, 'sqs')]) {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      chmodSync(folder, 0o700);
    }
  }
  const dynamo = await startDynalite(dataDir ? join(dataDir, 'dynamodb') : undefined, options.dynamodbPort ?? 0);
  let sqs: FauxqsServer;
  try {
    sqs = await onLoopback(() =>
      startFauxqs({ port: options.sqsPort ?? 0, logger: false, ...(dataDir ? { dataDir: join(dataDir, 'sqs') } : {}) }),
    );
  } catch (error) {
    await closeServer(dynamo);
    throw error;
  }
  const dynamodbPort = (dynamo.address() as AddressInfo).port;
  const sqsEndpoint = `http://${LOOPBACK}:${sqs.port}`;
  return {
    dynamodbEndpoint: `http://${LOOPBACK}:${dynamodbPort}`,
    sqsEndpoint,
    // fauxqs finds a queue by the last path segment of its URL, whatever the host.
    queueUrlBase: `${sqsEndpoint}/${LOCAL_ACCOUNT_ID}`,
    dynamodbPort,
    sqsPort: sqs.port,
    async stop() {
      await Promise.allSettled([sqs.stop(), closeServer(dynamo)]);
    },
  };
}

async function startDynalite(path: string | undefined, port: number): Promise<Server> {
  const server = dynalite({ ...(path ? { path } : {}), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

/**
 * fauxqs always listens on 0.0.0.0, which would offer an unauthenticated SQS to the whole
 * network. While `start` runs, rewrite that wildcard address to the loopback address.
 */
async function onLoopback<T>(start: () => Promise<T>): Promise<T> {
  const listen = net.Server.prototype.listen;
  const patched = function (this: net.Server, ...args: unknown[]) {
    const first = args[0];
    if (first !== null && typeof first === 'object' && (first as net.ListenOptions).host === '0.0.0.0') {
      args[0] = { ...(first as net.ListenOptions), host: LOOPBACK };
    }
    return (listen as (...a: unknown[]) => net.Server).apply(this, args);
  };
  net.Server.prototype.listen = patched as typeof listen;
  try {
    return await start();
  } finally {
    net.Server.prototype.listen = listen;
  }
}
