// What the assessment commands read: the stage's tables through the CLI's connection.
import { REGISTRY } from '../local/registry.ts';
import { parsePeriod, type Period } from '../shared/assessment/periods.ts';
import { readFigures, type InstitutionFigures } from '../shared/assessment/report.ts';
import { systemClock } from '../shared/pipeline/clock.ts';
import { tableName } from '../shared/resources/tables.ts';
import { createDocumentClient } from '../shared/storage/clients.ts';
import type { ServiceConnection } from './connection.ts';

export class UsageError extends Error {}

/** The period option (a month or a quarter), or the current month by the service's clock. */
export function periodOption(text: string | undefined, field: string): Period {
  try {
    return parsePeriod(text ?? systemClock().slice(0, 7), field);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function institutionOption(id: string | undefined): string[] | undefined {
  if (id === undefined) return undefined;
  if (id !== REGISTRY.service.id && !REGISTRY.institutions.some((i) => i.id === id && i.kind !== 'PROCURATORATE'))
    throw new UsageError(`--institution: ${id} is not an enforcing court, prison or hearing court of the registry`);
  return [id];
}

export function figuresOf(
  connection: ServiceConnection,
  period: Period,
  institutionIds?: string[],
): Promise<InstitutionFigures[]> {
  return readFigures(
    createDocumentClient(connection.dynamodb),
    tableName(connection.stage, 'assessment'),
    REGISTRY,
    period,
    {
      ...(institutionIds ? { institutionIds } : {}),
      live: { casesTable: tableName(connection.stage, 'cases'), now: systemClock() },
    },
  );
}
