// Faults planted in a real SDK client: a command that matches throws before it is sent, every
// other command reaches the engine. For the crash and throttling paths of handler tests.
import type { Client } from '@smithy/smithy-client';

const NAME = 'testFaultInjection';

/** What a fault sees: the command's name (e.g. PutCommand) and its input as JSON text. */
export type FaultRule = (command: string, input: string) => Error | undefined;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any client's stack
type AnyClient = Pick<Client<any, any, any, any>, 'middlewareStack'>;

/** Plants a fault in the client (the document client shares its base client's stack). */
export function injectFault(client: AnyClient, rule: FaultRule): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const error = rule(String(context.commandName), JSON.stringify(args.input));
      if (error) throw error;
      return next(args);
    },
    { step: 'initialize', name: NAME, override: true },
  );
}

export function clearFaults(...clients: AnyClient[]): void {
  for (const client of clients) client.middlewareStack.remove(NAME);
}
