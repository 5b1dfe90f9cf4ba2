// GET /api/cases/{applicationId}/revision: what the case page polls to know when to reload, by
// itself, after a submission changed the case. It names only version numbers, so it is not a
// view of the case and is not written to the access record (the reload that follows is).
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import * as z from 'zod';
import { getApplicationLookup } from '../../shared/storage/application-store.ts';
import { loadPrisoner } from '../../shared/storage/prisoner-store.ts';
import type { ConsoleDependencies } from '../dependencies.ts';
import { NOT_FOUND, type ConsoleEnv } from '../http.ts';
import { problemBody } from '../schemas.ts';
import { maySeeCase } from '../views/scope.ts';
import { json, security, signedInResponses } from './common.ts';

export const caseVersion = z.object({
  revision: z.number().nullable(),
  dossierVersion: z.number(),
  rulings: z.number(),
});
export type CaseVersion = z.infer<typeof caseVersion>;

const route = createRoute({
  method: 'get',
  path: '/api/cases/{applicationId}/revision',
  summary: "The case's revision, dossier version and number of rulings (not recorded as a view)",
  security,
  request: { params: z.object({ applicationId: z.string().min(1).max(128) }) },
  responses: {
    200: json(caseVersion, 'Version numbers only'),
    404: json(problemBody, 'No such application, or not one this institution may see'),
    ...signedInResponses,
  },
});

export function registerRevisionRoute(app: OpenAPIHono<ConsoleEnv>, deps: ConsoleDependencies): void {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    const { applicationId } = c.req.valid('param');
    const lookup = await getApplicationLookup(deps.db, deps.tables.cases, applicationId);
    if (!lookup) return c.json(NOT_FOUND, 404);
    const prisoner = await loadPrisoner(deps.db, deps.tables.cases, lookup.personId);
    const application = prisoner.applications.find((a) => a.applicationId === applicationId);
    if (!application || !maySeeCase(principal, application, deps.registry)) return c.json(NOT_FOUND, 404);
    return c.json(
      {
        revision: application.revision ?? null,
        dossierVersion: application.dossierVersion,
        rulings: Object.keys(application.rulings).length,
      },
      200,
    );
  });
}
