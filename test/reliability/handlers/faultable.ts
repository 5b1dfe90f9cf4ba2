// Wraps a real handler module for the reliability runs: each invocation runs in its own
// context (which the fault middleware reads), and an invocation killed by an injected fault
// fails as a whole, as a Lambda whose process died returns nothing. The real handler's SDK
// clients (shared/pipeline/runtime.ts) get the fault middleware here, from the same module
// graph the handler was loaded in, so the faults reach exactly the clients it uses.
import type { Context } from 'aws-lambda';
import { dynamoClient, sqsClient } from '../../../shared/pipeline/runtime.ts';
import { faultRegistry, type InvocationState } from '../faults/injector.ts';
import { installFaultMiddleware } from '../faults/middleware.ts';

type Handler = (event: never, context: Context) => Promise<unknown>;

installFaultMiddleware(dynamoClient, 'dynamodb');
installFaultMiddleware(sqsClient, 'sqs');

export function faultable(functionName: string, handler: Handler) {
  return async (event: unknown, context: Context): Promise<unknown> => {
    const { injector, invocations, planted } = faultRegistry();
    if (planted) event = planted(functionName, event);
    const state: InvocationState = injector?.beginInvocation(functionName, event) ?? {
      functionName,
      faultable: false,
      kill: undefined,
      wrote: false,
      sent: false,
      dead: false,
    };
    const response = await invocations.run(state, () => handler(event as never, context));
    if (state.dead)
      throw Object.assign(new Error(`${functionName} was killed (injected fault)`), { name: 'InjectedKillError' });
    return response;
  };
}
