// Worker-thread entry of the embedded engines (engines.ts starts it): loads the optional
// plugin, starts dynalite and fauxqs here, reports their endpoints, answers the plugin's
// questions and closes both servers when told to stop. Every reply names the request's id.
import { parentPort, workerData } from 'node:worker_threads';
import { startEnginesHere, type EngineOptions, type ThreadMessage, type ThreadPlugin } from './engines.ts';

const port = parentPort;
if (!port) throw new Error('engine-thread.ts runs only as a worker thread (see startEngines)');
const reply = (id: number, message: ThreadMessage) => port.postMessage({ ...message, id });
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
const options = workerData as EngineOptions;

try {
  const plugin = options.threadPlugin
    ? ((await import(options.threadPlugin)) as { default: ThreadPlugin }).default
    : undefined;
  const { stop, ...endpoints } = await startEnginesHere(options);
  port.on('message', (request: { id: number } & ({ type: 'ask'; message: unknown } | { type: 'stop' })) => {
    if (request.type === 'stop') {
      void stop().then(() => reply(request.id, { type: 'stopped' }));
      return;
    }
    try {
      if (!plugin) throw new Error('no thread plugin was loaded (EngineOptions.threadPlugin)');
      reply(request.id, { type: 'answer', answer: plugin.answer(request.message) });
    } catch (error) {
      reply(request.id, { type: 'failed', error: describe(error) });
    }
  });
  reply(0, { type: 'started', endpoints });
} catch (error) {
  reply(0, { type: 'failed', error: describe(error) });
}
