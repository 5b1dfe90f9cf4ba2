// Running a CLI command against the service: a connection, and one clear line when there is
// nothing to talk to. The SQS batch calls themselves are in shared/queues/batches.ts.
import { ConnectionError, connect, type ServiceConnection } from './connection.ts';

/** Runs a command body with a connection, turning "nothing to talk to" into one clear line and exit 1. */
export async function withConnection(body: (connection: ServiceConnection) => Promise<void>): Promise<void> {
  let connection: ServiceConnection | undefined;
  try {
    connection = connect();
    await body(connection);
  } catch (error) {
    const name = (error as Error).name;
    if (
      error instanceof ConnectionError ||
      name === 'CredentialsProviderError' ||
      /Region is missing/.test((error as Error).message)
    ) {
      const hint =
        error instanceof ConnectionError
          ? ''
          : '\nNo local service is running (start one with `npm start` in the project folder), and AWS is not configured.';
      process.stderr.write(`${(error as Error).message}${hint}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  } finally {
    connection?.close();
  }
}
