// Whether this function traces, decided once at load. Off when POWERTOOLS_TRACE_ENABLED is
// "false" (the China regions have no Lambda X-Ray), and off at build time when the bundle
// defines LINKAGE_TRACING as "off" (infra/bundling.ts): the import below is then dead code
// that esbuild leaves out. Where it stays on, Tracer itself still switches off outside Lambda.
import type { MiddlewareObj } from '@middy/core';

export interface Tracing {
  /** The client, instrumented so each AWS call is a subsegment. */
  traceClient<Client>(client: Client): Client;
  middleware(): MiddlewareObj;
}

export const tracing: Tracing | undefined =
  process.env.LINKAGE_TRACING !== 'off' && process.env.POWERTOOLS_TRACE_ENABLED !== 'false'
    ? (await import('./tracer.ts')).tracing
    : undefined;

/** The client as is where tracing is off; traced where it is on. */
export function traced<Client>(client: Client): Client {
  return tracing ? tracing.traceClient(client) : client;
}
