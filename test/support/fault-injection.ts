// Faults planted in a real SDK client: a command that matches throws (or gets a planted answer)
// before it is sent, every other command reaches the engine. For the crash, throttling and
// partial-failure paths of handler tests.

const NAME = 'testFaultInjection';

/** An error to throw, or `{ answer }`: the response the service would have given. */
export type Fault = Error | { readonly answer: unknown };

/** What a fault sees: the command's name (e.g. PutCommand) and its input as JSON text. */
export type FaultRule = (command: string, input: string) => Fault | undefined;

interface Args {
  readonly input: object;
}
type Middleware = (
  next: (args: Args) => Promise<unknown>,
  context: { readonly commandName?: string },
) => (args: Args) => Promise<unknown>;

/** What the SDK clients have in common here: their middleware stack. */
interface AnyClient {
  readonly middlewareStack: {
    add(middleware: Middleware, options: { step: 'initialize'; name: string; override: boolean }): void;
    remove(name: string): boolean;
  };
}

/** Plants a fault in the client (the document client shares its base client's stack). */
export function injectFault(client: AnyClient, rule: FaultRule): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const fault = rule(String(context.commandName), JSON.stringify(args.input));
      if (fault instanceof Error) throw fault;
      if (fault) return { output: { $metadata: {}, ...(fault.answer as object) }, response: {} };
      return next(args);
    },
    { step: 'initialize', name: NAME, override: true },
  );
}

/** Changes a command's input before it is sent (e.g. a page size, to see paging on a small table). */
export function rewriteInput(
  client: AnyClient,
  rewrite: (command: string, input: Record<string, unknown>) => Record<string, unknown>,
): void {
  client.middlewareStack.add(
    (next, context) => async (args) =>
      next({ ...args, input: rewrite(String(context.commandName), args.input as Record<string, unknown>) }),
    { step: 'initialize', name: NAME, override: true },
  );
}

export function clearFaults(...clients: AnyClient[]): void {
  for (const client of clients) client.middlewareStack.remove(NAME);
}
