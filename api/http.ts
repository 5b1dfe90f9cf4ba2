// Shared pieces of the routes: the typed Hono environment, the uniform 404, and the bearer
// token guard that puts the principal on the context.
import type { Context, MiddlewareHandler } from 'hono';
import type { Principal, SignedIn } from './auth/principal.ts';
import type { ConsoleDependencies } from './dependencies.ts';

export interface ConsoleEnv {
  /**
   * viewer: whoever signed in. principal: the same when it is an institution's or the service's
   * user; never set for a provincial administrator, who reaches only PROVINCIAL_PATHS.
   */
  Variables: { principal: Principal; viewer: SignedIn };
}

/** All a provincial administrator may call: who they are, and the assessment figures. */
export function provincialPath(path: string): boolean {
  return path === '/api/me' || path === '/api/assessment' || path.startsWith('/api/assessment/');
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
    const viewer = result.principal;
    c.set('viewer', viewer);
    if (viewer.kind === 'PROVINCE') {
      // Deny by default: no case, message or operations route ever sees a provincial administrator.
      if (!provincialPath(c.req.path)) return notFound(c);
    } else c.set('principal', viewer);
    await next();
  };
}
