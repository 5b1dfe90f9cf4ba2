// `.data/endpoints.json`: how a running `npm start` is reached. The CLI reads it, so with
// the local service up, `linkage send/inbox/import/show` need no configuration.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';

/** The project's own data folder (gitignored); LINKAGE_DATA_DIR moves it. */
export function projectDataDir(): string {
  return process.env.LINKAGE_DATA_DIR ?? fileURLToPath(new URL('../.data/', import.meta.url));
}

const endpointsFile = z.object({
  stage: z.string(),
  region: z.string(),
  dynamodbEndpoint: z.string(),
  sqsEndpoint: z.string(),
  queueUrlBase: z.string(),
  pid: z.int(),
  startedAt: z.string(),
  /** The web console of this service (npm start), when it serves one. */
  consoleUrl: z.string().optional(),
});
export type EndpointsFile = z.infer<typeof endpointsFile>;

const fileIn = (dataDir: string) => join(dataDir, 'endpoints.json');

export function writeEndpointsFile(dataDir: string, endpoints: EndpointsFile): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(fileIn(dataDir), `${JSON.stringify(endpoints, null, 2)}\n`, { mode: 0o600 });
}

/** The endpoints of the service running on this data folder, if its process is alive. */
export function readEndpointsFile(dataDir: string): EndpointsFile | undefined {
  let content: unknown;
  try {
    content = JSON.parse(readFileSync(fileIn(dataDir), 'utf8'));
  } catch {
    return undefined;
  }
  const parsed = endpointsFile.safeParse(content);
  if (!parsed.success || !isAlive(parsed.data.pid)) return undefined;
  return parsed.data;
}

/** Removes the file, unless another process has written it since. */
export function removeEndpointsFile(dataDir: string, pid: number): void {
  try {
    const current = JSON.parse(readFileSync(fileIn(dataDir), 'utf8')) as { pid?: unknown };
    if (current.pid === pid) rmSync(fileIn(dataDir), { force: true });
  } catch {
    // Already gone.
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
