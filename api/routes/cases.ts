// GET /api/cases (the institution's list) and GET /api/cases/{applicationId} (the case page).
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { getApplicationLookup } from '../../shared/storage/application-store.ts';
import { listRevisions, recordCaseView } from '../../shared/storage/case-views.ts';
import { listCases, type CaseRow } from '../../shared/storage/console-lists.ts';
import { missingMaterialsOf } from '../../shared/storage/decision-store.ts';
import { loadPrisoner } from '../../shared/storage/prisoner-store.ts';
import type { ConsoleDependencies } from '../dependencies.ts';
import { NOT_FOUND, type ConsoleEnv } from '../http.ts';
import { caseDetail, caseList, caseListQuery, problemBody, type CaseListQuery, type CaseListRow } from '../schemas.ts';
import type { Principal } from '../auth/principal.ts';
import { caseDetailOf } from '../views/case-detail.ts';
import { prisonerFor } from '../views/masking.ts';
import { institutionRefOf } from '../views/requests.ts';
import { maySeeCase, prisonOfProcuratorate } from '../views/scope.ts';
import { json, security, signedInResponses } from './common.ts';

const listRoute = createRoute({
  method: 'get',
  path: '/api/cases',
  summary: "The signed-in institution's applications, newest first",
  security,
  request: { query: caseListQuery },
  responses: { 200: json(caseList, 'One page of applications'), ...signedInResponses },
});

const detailRoute = createRoute({
  method: 'get',
  path: '/api/cases/{applicationId}',
  summary: 'One application: current flag, items, requests, rulings and revision history (recorded as a view)',
  security,
  request: {
    params: z.object({ applicationId: z.string().min(1).max(128) }),
    query: z.strictObject({ purpose: z.enum(['case', 'print']).default('case') }),
  },
  responses: {
    200: json(caseDetail, 'The case as this institution may see it'),
    404: json(problemBody, 'No such application, or not one this institution may see'),
    ...signedInResponses,
  },
});

export function registerCaseRoutes(app: OpenAPIHono<ConsoleEnv>, deps: ConsoleDependencies): void {
  app.openapi(listRoute, async (c) => {
    const principal = c.get('principal');
    const query = c.req.valid('query');
    const page = await casesFor(deps, principal, query);
    // Only the prison's list shows missing materials: no read for anyone else.
    const missing =
      principal.kind === 'PRISON'
        ? await missingMaterialsOf(
            deps.db,
            deps.tables.decisions,
            page.rows.flatMap((row) =>
              row.revision !== undefined && row.decision !== 'CLEAR'
                ? [{ applicationId: row.applicationId, revision: row.revision }]
                : [],
            ),
          )
        : undefined;
    return c.json(
      {
        rows: page.rows.map((row) => rowView(deps, principal, row, missing && (missing.get(row.applicationId) ?? []))),
        ...page.more,
      },
      200,
    );
  });

  app.openapi(detailRoute, async (c) => {
    const principal = c.get('principal');
    const { applicationId } = c.req.valid('param');
    const { purpose } = c.req.valid('query');
    const lookup = await getApplicationLookup(deps.db, deps.tables.cases, applicationId);
    if (!lookup) return c.json(NOT_FOUND, 404);
    const prisoner = await loadPrisoner(deps.db, deps.tables.cases, lookup.personId);
    const application = prisoner.applications.find((a) => a.applicationId === applicationId);
    if (!application || !maySeeCase(principal, application, deps.registry)) return c.json(NOT_FOUND, 404);
    const nowMs = deps.now();
    // The view is on the record before anything is shown.
    await recordCaseView(deps.db, deps.tables.access, {
      institutionId: principal.institutionId,
      institutionKind: principal.kind,
      username: principal.username,
      userRole: principal.role,
      applicationId,
      casePrisonId: application.prisonId,
      viewedAt: new Date(nowMs).toISOString(),
      viewId: randomUUID(),
      what: purpose,
    });
    const revisions = await listRevisions(deps.db, deps.tables.decisions, applicationId);
    return c.json(caseDetailOf({ principal, application, prisoner, revisions, registry: deps.registry, nowMs }), 200);
  });
}

async function casesFor(
  deps: ConsoleDependencies,
  principal: Principal,
  query: CaseListQuery,
): Promise<{ rows: CaseRow[]; more: { cursor?: string } }> {
  const by =
    principal.kind === 'HEARING_COURT'
      ? { hearingCourtId: principal.institutionId }
      : principal.kind === 'PRISON'
        ? { prisonId: principal.institutionId }
        : principal.kind === 'PROCURATORATE'
          ? { prisonId: prisonOfProcuratorate(deps.registry, principal.institutionId) ?? '' }
          : undefined;
  // An enforcing court has no case list: it reaches cases through its verification requests.
  if (!by || ('prisonId' in by && by.prisonId === '')) return { rows: [], more: {} };
  if (query.q) {
    const direct = await applicationById(deps, principal, query.q);
    if (direct) return { rows: [direct], more: {} };
  }
  const page = await listCases(deps.db, deps.tables.cases, {
    by,
    ...(query.from ? { fromUtc: startOfDayUtc(query.from) } : {}),
    ...(query.to ? { toUtc: endOfDayUtc(query.to) } : {}),
    ...(query.decision ? { decision: query.decision } : {}),
    ...(query.prisonId ? { prisonId: query.prisonId } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.q ? { prisonerNo: query.q } : {}),
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  const rows =
    principal.kind === 'PROCURATORATE'
      ? [...page.rows].sort((a, b) => Number(isAlert(b)) - Number(isAlert(a)))
      : page.rows;
  return { rows, more: page.cursor ? { cursor: page.cursor } : {} };
}

/** The application the search names, as a list row, when this institution may see it. */
async function applicationById(deps: ConsoleDependencies, principal: Principal, applicationId: string) {
  const lookup = await getApplicationLookup(deps.db, deps.tables.cases, applicationId);
  if (!lookup) return undefined;
  const prisoner = await loadPrisoner(deps.db, deps.tables.cases, lookup.personId);
  const application = prisoner.applications.find((a) => a.applicationId === applicationId);
  if (!application || !maySeeCase(principal, application, deps.registry)) return undefined;
  const d = application.dossier;
  const row: CaseRow = {
    pk: application.pk,
    personId: d.prisoner.personId,
    applicationId,
    prisonId: application.prisonId,
    hearingCourtId: d.hearingCourtId,
    firstSubmittedUtc: new Date(application.firstSubmittedAt).toISOString(),
    listing: {
      kind: d.kind,
      basis: d.basis,
      prisonerNo: d.prisoner.prisonerNo,
      name: d.prisoner.name,
      personId: d.prisoner.personId,
      dossierVersion: d.version,
    },
    ...(application.decision ? { decision: application.decision } : {}),
    ...(application.revision !== undefined ? { revision: application.revision } : {}),
    ...(application.evaluatedAt ? { evaluatedAt: application.evaluatedAt } : {}),
    rulings: application.rulings,
  };
  return row;
}

function grantedRuling(row: CaseRow) {
  return Object.values(row.rulings).find((r) => r.body.outcome === 'GRANTED');
}

/** REVOKE, or anything but CLEAR after a grant (Art 14(2): the procuratorate acts on these). */
export function isAlert(row: Pick<CaseRow, 'decision' | 'rulings'>): boolean {
  if (row.decision === 'REVOKE') return true;
  return row.decision !== undefined && row.decision !== 'CLEAR' && grantedRuling(row as CaseRow) !== undefined;
}

function rowView(
  deps: ConsoleDependencies,
  principal: Principal,
  row: CaseRow,
  missingMaterials: CaseListRow['missingMaterials'] | undefined,
): CaseListRow {
  const rulings = Object.values(row.rulings).sort((a, b) => a.body.ruledOn.localeCompare(b.body.ruledOn));
  const last = rulings.at(-1);
  return {
    applicationId: row.applicationId,
    kind: row.listing.kind,
    basis: row.listing.basis,
    prisoner: prisonerFor(principal.kind, row.listing),
    prison: institutionRefOf(deps.registry, row.prisonId),
    submittedAt: row.firstSubmittedUtc,
    decision: row.decision ?? null,
    revision: row.revision ?? null,
    evaluatedAt: row.evaluatedAt ?? null,
    ruling: last ? { outcome: last.body.outcome, ruledOn: last.body.ruledOn, rulingRef: last.body.rulingRef } : null,
    alert: isAlert(row),
    ...(missingMaterials ? { missingMaterials } : {}),
  };
}

/** Dates in the filter are China Standard Time days (UTC+8, no daylight saving). */
function startOfDayUtc(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}
function endOfDayUtc(date: string): string {
  return new Date(`${date}T23:59:59.999+08:00`).toISOString();
}
