// GET /api/me, /api/requests, /api/rejections, /api/access: what the signed-in institution
// is asked, what it sent that was refused, and (a procuratorate) who looked at its prison's cases.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { PROVINCE_NAMES_ZH } from '../../shared/resources/provinces.ts';
import { listCaseViews } from '../../shared/storage/case-views.ts';
import { listRejections, listRequests, statusesOfJudgment } from '../../shared/storage/console-lists.ts';
import type { ConsoleDependencies } from '../dependencies.ts';
import { NOT_FOUND, type ConsoleEnv } from '../http.ts';
import { accessList, me, pageQuery, problemBody, rejectionList, requestList, requestListQuery } from '../schemas.ts';
import { institutionRefOf, requestViewOf } from '../views/requests.ts';
import { prisonOfProcuratorate } from '../views/scope.ts';
import { json, security, signedInResponses } from './common.ts';

const meRoute = createRoute({
  method: 'get',
  path: '/api/me',
  summary: 'The signed-in user, institution and role (from the token)',
  security,
  responses: { 200: json(me, 'Who is signed in'), ...signedInResponses },
});

const requestsRoute = createRoute({
  method: 'get',
  path: '/api/requests',
  summary:
    "Verification requests by due date: an enforcing court's own; for a procuratorate, those about its prison's applications",
  security,
  request: { query: requestListQuery },
  responses: { 200: json(requestList, 'One page of requests'), ...signedInResponses },
});

const rejectionsRoute = createRoute({
  method: 'get',
  path: '/api/rejections',
  summary: 'Messages of this institution that the service refused, newest first, each problem naming its field',
  security,
  request: { query: pageQuery },
  responses: { 200: json(rejectionList, 'One page of rejections'), ...signedInResponses },
});

const accessRoute = createRoute({
  method: 'get',
  path: '/api/access',
  summary: "A procuratorate's review of the access record: every console view of its prison's cases",
  security,
  request: { query: pageQuery },
  responses: {
    200: json(accessList, 'One page of views, newest first'),
    404: json(problemBody, 'Not a procuratorate'),
    ...signedInResponses,
  },
});

export function registerInstitutionRoutes(app: OpenAPIHono<ConsoleEnv>, deps: ConsoleDependencies): void {
  app.openapi(meRoute, (c) => {
    const viewer = c.get('viewer');
    if (viewer.kind === 'PROVINCE') {
      const nameZh = PROVINCE_NAMES_ZH[viewer.institutionId];
      const institution = { id: viewer.institutionId, name: viewer.institutionId, nameZh, kind: viewer.kind };
      return c.json({ username: viewer.username, role: viewer.role, institution }, 200);
    }
    const p = c.get('principal');
    const prisonId = p.kind === 'PROCURATORATE' ? prisonOfProcuratorate(deps.registry, p.institutionId) : undefined;
    return c.json(
      {
        username: p.username,
        role: p.role,
        institution: { ...institutionRefOf(deps.registry, p.institutionId), kind: p.kind },
        ...(prisonId ? { prison: institutionRefOf(deps.registry, prisonId) } : {}),
        ...(p.kind === 'HEARING_COURT'
          ? {
              prisons: deps.registry.institutions
                .filter((i) => i.kind === 'PRISON')
                .map((i) => institutionRefOf(deps.registry, i.id)),
            }
          : {}),
        ...(p.kind === 'PRISON'
          ? {
              hearingCourts: refsOfKind(deps, 'HEARING_COURT'),
              enforcingCourts: refsOfKind(deps, 'ENFORCING_COURT'),
            }
          : {}),
      },
      200,
    );
  });

  app.openapi(requestsRoute, async (c) => {
    const p = c.get('principal');
    const query = c.req.valid('query');
    const nowMs = deps.now();
    const prisonId = p.kind === 'PROCURATORATE' ? prisonOfProcuratorate(deps.registry, p.institutionId) : undefined;
    const by =
      p.kind === 'ENFORCING_COURT' ? { enforcingCourtId: p.institutionId } : prisonId ? { prisonId } : undefined;
    if (!by) return c.json({ rows: [] }, 200);
    const page = await listRequests(deps.db, deps.tables.cases, {
      by,
      ...(query.overdue === 'true' ? { dueBeforeUtc: new Date(nowMs).toISOString() } : {}),
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    const rows = await Promise.all(
      page.rows.map(async (row) =>
        requestViewOf(
          row.body,
          row.enforcingCourtId,
          await statusesOfJudgment(deps.db, deps.tables.cases, row.personId, row.body.judgmentId),
          deps.registry,
          nowMs,
        ),
      ),
    );
    const shown = query.overdue === 'true' ? rows.filter((r) => r.overdue) : rows;
    return c.json({ rows: shown, ...(page.cursor ? { cursor: page.cursor } : {}) }, 200);
  });

  app.openapi(rejectionsRoute, async (c) => {
    const p = c.get('principal');
    const query = c.req.valid('query');
    const page = await listRejections(deps.db, deps.tables.quarantine, {
      institutionId: p.institutionId,
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    return c.json(
      {
        rows: page.rows.map((r) => ({
          ref: r.pk,
          receivedAt: r.receivedAt,
          reason: r.reason,
          messageId: r.rejectedMessageId ?? null,
          problems: r.problems,
        })),
        ...(page.cursor ? { cursor: page.cursor } : {}),
      },
      200,
    );
  });

  app.openapi(accessRoute, async (c) => {
    const p = c.get('principal');
    const prisonId = p.kind === 'PROCURATORATE' ? prisonOfProcuratorate(deps.registry, p.institutionId) : undefined;
    if (!prisonId) return c.json(NOT_FOUND, 404);
    const query = c.req.valid('query');
    const page = await listCaseViews(deps.db, deps.tables.access, {
      prisonId,
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    return c.json(
      {
        rows: page.rows.map((v) => ({
          viewedAt: v.viewedAt,
          username: v.username,
          userRole: v.userRole,
          institution: institutionRefOf(deps.registry, v.institutionId),
          applicationId: v.applicationId,
          what: v.what,
        })),
        ...(page.cursor ? { cursor: page.cursor } : {}),
      },
      200,
    );
  });
}

function refsOfKind(deps: ConsoleDependencies, kind: 'HEARING_COURT' | 'ENFORCING_COURT') {
  return deps.registry.institutions.filter((i) => i.kind === kind).map((i) => institutionRefOf(deps.registry, i.id));
}
