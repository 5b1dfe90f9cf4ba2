// Shared pieces of the routes: the typed Hono environment, the uniform 404, and the bearer
// token guard that puts the principal on the context.
import type { Context, MiddlewareHandler } from 'hono';
import type { Principal } from './auth/principal.ts';
import type { ConsoleDependencies } from './dependencies.ts';

export interface ConsoleEnv {
  Variables: { principal: Principal };
}

export const NOT_FOUND = { error: 'not found' } as const;

export function notFound(c: Context) {
  return c.json(NOT_FOUND, 404);
}

/** 401 unless the request carries a valid token; the principal comes from the token alone. */
export function requireSignIn(deps: ConsoleDependencies): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)$/i.exec(header);
    if (!match) {
      c.header('WWW-Authenticate', 'Bearer realm="linkage-console"');
      return c.json({ error: 'sign-in required: send Authorization: Bearer <token>' }, 401);
    }
    const result = await deps.verifier(match[1]!);
    if (!result.ok) {
      c.header('WWW-Authenticate', `Bearer realm="linkage-console", error="invalid_token"`);
      return c.json({ error: result.reason }, 401);
    }
    c.set('principal', result.principal);
    await next();
  };
}
