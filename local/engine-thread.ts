// Worker-thread entry of the embedded engines (engines.ts starts it): loads the optional
// plugin, starts dynalite and fauxqs here, reports their endpoints, answers the plugin's
// questions and closes both servers when told to stop.
import { parentPort, workerData } from 'node:worker_threads';
import { startEnginesHere, type EngineOptions, type ThreadMessage, type ThreadPlugin } from './engines.ts';

const port = parentPort;
if (!port) throw new Error('engine-thread.ts runs only as a worker thread (see startEngines)');
const reply = (message: ThreadMessage) => port.postMessage(message);
const options = workerData as EngineOptions;

try {
  const plugin = options.threadPlugin
    ? ((await import(options.threadPlugin)) as { default: ThreadPlugin }).default
    : undefined;
  const { stop, ...endpoints } = await startEnginesHere(options);
  port.on('message', (message: { type: 'ask'; message: unknown } | { type: 'stop' }) => {
    if (message.type === 'stop') void stop().then(() => reply({ type: 'stopped' }));
    else reply({ type: 'answer', answer: plugin?.answer(message.message) });
  });
  reply({ type: 'started', endpoints });
} catch (error) {
  reply({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
}
