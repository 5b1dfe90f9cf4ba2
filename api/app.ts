// The console API: one Hono application, run by @hono/node-server locally and by
// hono/aws-lambda behind API Gateway. Every /api route except config and the OpenAPI document
// needs a valid token; the institution and role come from it alone.
import { OpenAPIHono } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import { InvalidCursorError } from '../shared/storage/console-lists.ts';
import type { ConsoleDependencies } from './dependencies.ts';
import { requireSignIn, type ConsoleEnv } from './http.ts';
import { registerAssessmentRoutes } from './routes/assessment.ts';
import { registerCaseRoutes } from './routes/cases.ts';
import { registerInstitutionRoutes } from './routes/institution.ts';
import { registerOperationsRoutes } from './routes/operations.ts';
import { registerMessageRoutes } from './routes/messages.ts';
import { registerRevisionRoute } from './routes/revision.ts';
import { registerSignInRoutes } from './routes/sign-in.ts';

export const OPEN_PATHS = new Set(['/api/config', '/api/openapi.json', '/api/health']);

export function createConsoleApp(deps: ConsoleDependencies): OpenAPIHono<ConsoleEnv> {
  const app = new OpenAPIHono<ConsoleEnv>({
    // A parameter that fails its schema: 400, one problem per field, named.
    defaultHook: (result, c) => {
      if (!result.success)
        return c.json(
          {
            error: 'invalid request',
            problems: result.error.issues.map((issue) => ({
              path: issue.path.map(String).join('.') || '(request)',
              message: issue.message,
            })),
          },
          400,
        );
    },
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        // With an OpenID provider the browser fetches its discovery document and token endpoint.
        connectSrc: deps.signIn.mode === 'oidc' ? ["'self'", new URL(deps.signIn.issuer).origin] : ["'self'"],
        // antd injects its component styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
      },
    }),
  );
  app.use('/api/*', async (c, next) => {
    if (OPEN_PATHS.has(c.req.path)) return next();
    c.header('Cache-Control', 'no-store');
    return requireSignIn(deps)(c, next);
  });
  app.get('/api/health', (c) => c.json({ ok: true }));
  registerSignInRoutes(app, deps);
  registerCaseRoutes(app, deps);
  registerInstitutionRoutes(app, deps);
  registerOperationsRoutes(app, deps);
  registerMessageRoutes(app, deps);
  registerRevisionRoute(app, deps);
  registerAssessmentRoutes(app, deps);
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'An OpenID Connect token of the configured issuer; institution and role are claims.',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Property-penalty linkage console API', version: '1.0.0' },
  });
  app.notFound((c) => c.json({ error: 'not found' }, 404));
  app.onError((error, c) => {
    if (
      error instanceof InvalidCursorError ||
      ((error as { name?: string }).name === 'ValidationException' && c.req.query('cursor'))
    )
      return c.json(
        { error: 'invalid request', problems: [{ path: 'cursor', message: 'is not a cursor of this list' }] },
        400,
      );
    // No request data in the log line: it may hold personal data.
    console.error(`console-api: ${c.req.method} ${c.req.routePath} failed: ${(error as Error).name}`);
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
}
