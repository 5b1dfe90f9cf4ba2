// Sign-in. GET /api/config tells the browser where to sign in. In local mode the local issuer
// also serves its discovery document, key set and a password token endpoint under /auth.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import * as z from 'zod';
import type { ConsoleDependencies } from '../dependencies.ts';
import type { ConsoleEnv } from '../http.ts';
import { problemBody } from '../schemas.ts';
import { json } from './common.ts';
import { TOKEN_SECONDS } from '../auth/local-issuer.ts';

/** What the browser asks an OpenID provider for when the operator names no other scopes. */
export const DEFAULT_OIDC_SCOPE = 'openid profile';

const configRoute = createRoute({
  method: 'get',
  path: '/api/config',
  summary: 'Where the browser signs in (no token needed)',
  responses: {
    200: json(
      z.object({
        signIn: z.enum(['password', 'oidc']),
        issuer: z.string(),
        clientId: z.string().optional(),
        scope: z.string().optional(),
      }),
      'Sign-in settings',
    ),
  },
});

const tokenRoute = createRoute({
  method: 'post',
  path: '/auth/token',
  summary: 'Local mode: a token for a local user (username and password)',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) }),
        },
      },
    },
  },
  responses: {
    200: json(
      z.object({ access_token: z.string(), token_type: z.literal('Bearer'), expires_in: z.number() }),
      'Signed in',
    ),
    400: json(problemBody, 'Body invalid'),
    401: json(problemBody, 'Wrong username or password'),
  },
});

export function registerSignInRoutes(app: OpenAPIHono<ConsoleEnv>, deps: ConsoleDependencies): void {
  app.openapi(configRoute, (c) =>
    c.json(
      deps.signIn.mode === 'oidc'
        ? {
            signIn: 'oidc' as const,
            issuer: deps.signIn.issuer,
            clientId: deps.signIn.clientId,
            scope: deps.signIn.scope ?? DEFAULT_OIDC_SCOPE,
          }
        : { signIn: 'password' as const, issuer: deps.signIn.issuer },
      200,
    ),
  );
  const local = deps.local;
  if (!local) return;
  app.get('/auth/.well-known/openid-configuration', (c) =>
    c.json({
      issuer: local.issuer.issuer,
      jwks_uri: `${local.issuer.issuer}/jwks.json`,
      token_endpoint: `${local.issuer.issuer}/token`,
      id_token_signing_alg_values_supported: ['ES256'],
    }),
  );
  app.get('/auth/jwks.json', (c) => c.json(local.issuer.jwks));
  app.openapi(tokenRoute, async (c) => {
    const { username, password } = c.req.valid('json');
    const user = await local.users.authenticate(username, password);
    if (!user) return c.json({ error: 'wrong username or password' }, 401);
    return c.json(
      { access_token: await local.issuer.sign(user), token_type: 'Bearer' as const, expires_in: TOKEN_SECONDS },
      200,
    );
  });
}
