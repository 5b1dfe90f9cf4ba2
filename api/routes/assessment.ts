// GET /api/assessment (a month's or a quarter's figures), /api/assessment/months (a series of
// months, for the line over months), /api/assessment/report.csv and report.pdf (the monthly
// report, the same as `linkage report`). Definitions: docs/assessment.md. An institution reads
// only its own figures; a provincial administrator those of the province (api/views/assessment-scope.ts).
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import * as z from 'zod';
import { figuresCsv } from '../../shared/assessment/csv.ts';
import { localDay, parsePeriod, type Period } from '../../shared/assessment/periods.ts';
import { readFigures, type InstitutionFigures } from '../../shared/assessment/report.ts';
import { findInstitution } from '../../shared/resources/registry.ts';
import { addMonths } from '../../shared/time/calendar.ts';
import {
  figuresQuery,
  figuresResponse,
  MAX_SERIES_MONTHS,
  reportQuery,
  seriesQuery,
  seriesResponse,
  type FiguresView,
} from '../assessment-schemas.ts';
import type { ConsoleDependencies } from '../dependencies.ts';
import { NOT_FOUND, type ConsoleEnv } from '../http.ts';
import { problemBody } from '../schemas.ts';
import { scopeOf } from '../views/assessment-scope.ts';
import { json, security, signedInResponses } from './common.ts';

const notYours = json(problemBody, 'Not an institution whose figures this user may read (or none is assessed here)');

const figuresRoute = createRoute({
  method: 'get',
  path: '/api/assessment',
  summary: "The assessment figures (考核) of a month or a quarter: the user's institution, or its province's",
  security,
  request: { query: figuresQuery },
  responses: { 200: json(figuresResponse, 'Figures per institution'), 404: notYours, ...signedInResponses },
});

const seriesRoute = createRoute({
  method: 'get',
  path: '/api/assessment/months',
  summary: `The figures of each month from \`from\` to \`to\` (at most ${MAX_SERIES_MONTHS} months)`,
  security,
  request: { query: seriesQuery },
  responses: { 200: json(seriesResponse, 'Figures per month and institution'), 404: notYours, ...signedInResponses },
});

const csvRoute = createRoute({
  method: 'get',
  path: '/api/assessment/report.csv',
  summary: 'The monthly report as CSV (UTF-8 with BOM), as `linkage report --format csv`',
  security,
  request: { query: reportQuery },
  responses: {
    200: { content: { 'text/csv': { schema: z.string() } }, description: 'One row per institution and figure' },
    404: notYours,
    ...signedInResponses,
  },
});

const pdfRoute = createRoute({
  method: 'get',
  path: '/api/assessment/report.pdf',
  summary: 'The monthly report as a Chinese PDF with charts, as `linkage report --format pdf` (local mode only)',
  security,
  request: { query: reportQuery },
  responses: {
    200: { content: { 'application/pdf': { schema: z.string() } }, description: 'The PDF' },
    404: json(problemBody, 'Not yours, or this deployment renders no PDF (no Chromium in the API function)'),
    ...signedInResponses,
  },
});

export function registerAssessmentRoutes(app: OpenAPIHono<ConsoleEnv>, deps: ConsoleDependencies): void {
  const thisMonth = () => localDay(new Date(deps.now()).toISOString()).slice(0, 7);

  /** The figures the viewer may read, or undefined (404). */
  const read = async (c: Context<ConsoleEnv>, period: Period, institution: string | undefined, live: boolean) => {
    const table = deps.tables.assessment;
    const ids = scopeOf(c.get('viewer'), deps.registry, institution);
    if (!table || !ids) return undefined;
    const figures = await readFigures(deps.db, table, deps.registry, period, {
      institutionIds: ids,
      ...(live ? { live: { casesTable: deps.tables.cases, now: new Date(deps.now()).toISOString() } } : {}),
    });
    return figures.map((f) => viewOf(deps, f));
  };

  app.openapi(figuresRoute, async (c) => {
    const query = c.req.valid('query');
    const period = parsePeriod(query.period ?? thisMonth());
    const figures = await read(c, period, query.institution, true);
    return figures ? c.json({ period: period.id, figures }, 200) : c.json(NOT_FOUND, 404);
  });

  app.openapi(seriesRoute, async (c) => {
    const { from, to, institution } = c.req.valid('query');
    const months: string[] = [];
    for (let m = from; m <= to; m = addMonths(`${m}-01`, 1).slice(0, 7)) months.push(m);
    const series = [];
    for (const month of months) {
      const figures = await read(c, parsePeriod(month), institution, false);
      if (!figures) return c.json(NOT_FOUND, 404);
      series.push({ month, figures });
    }
    return c.json({ months, series }, 200);
  });

  app.openapi(csvRoute, async (c) => {
    const { month, institution } = c.req.valid('query');
    const figures = await read(c, parsePeriod(month), institution, true);
    if (!figures) return c.json(NOT_FOUND, 404);
    return c.body(figuresCsv(figures), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="assessment-${month}.csv"`,
    });
  });

  app.openapi(pdfRoute, async (c) => {
    const { month, institution } = c.req.valid('query');
    const figures = await read(c, parsePeriod(month), institution, true);
    if (!figures) return c.json(NOT_FOUND, 404);
    if (!deps.reportPdf)
      return c.json({ error: 'this deployment renders no PDF reports: use `linkage report --format pdf`' }, 404);
    const pdf = await deps.reportPdf(figures, month);
    return c.body(new Uint8Array(pdf), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="assessment-${month}.pdf"`,
    });
  });
}

function viewOf(deps: ConsoleDependencies, figures: InstitutionFigures): FiguresView {
  const nameZh = findInstitution(deps.registry, figures.institutionId)?.nameZh ?? figures.name;
  const { replyDays, ...rest } = figures;
  return {
    ...rest,
    nameZh,
    counts: { ...rest.counts },
    derived: { ...rest.derived },
    ...(replyDays ? { replyDays: [...replyDays] } : {}),
  };
}
