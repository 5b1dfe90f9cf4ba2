// One row of an enforcing court's CSV export → one linkage.enforcement-status.v1 envelope.
// The one parser of these files: `linkage import statuses` (cli/commands/import.ts) and the
// console's upload page both use it, so a row is good or bad, by line, the same way in both.
// Columns are documented in docs/local.md and `linkage import statuses --help`. Scalar
// fields have a column each; lists (payments, conduct, documents) take a compact
// `a:b:c;a:b:c` form or a JSON array of contract objects. No Node.js built-ins: it runs in
// the browser too (csv-parse's browser build works on Node as well).
import { parse } from 'csv-parse/browser/esm/sync';
import { enforcementStatusMessage, SCHEMA_NAMES, type EnforcementStatusMessage } from './messages.ts';
import { problemsOf } from './problems.ts';

export const STATUS_COLUMNS = {
  judgmentId: 'judgment case number (required)',
  itemNo: 'item number within the judgment, 1 or more (required)',
  enforcementCaseId: '执行案号',
  personId: '18-character resident identity number (required)',
  kind: 'FINE, CONFISCATION, RECOVERY, RESTITUTION, CIVIL_INCIDENTAL or CIVIL_SEPARATE (required)',
  dueFen: 'amount ordered in fen; empty only with wholeEstate=true',
  wholeEstate: 'true for confiscation of the whole estate',
  payments: 'receiptNo:amountFen:payer:paidOn entries separated by ";" (payer SELF, RELATIVE or OTHER)',
  jointLiabilityGroupId: 'joint liability group',
  jointLiabilityCoObligorsPaidFen: 'what the co-obligors paid, fen',
  instalmentsOverdue: 'true/false: instalments were agreed and are (not) overdue',
  instalmentsNextDueOn: 'next instalment date',
  fineExemptedRulingRef: 'ruling exempting the fine (FINE only)',
  fineExemptedOn: 'date of that ruling',
  escrowRef: 'escrow (提存) reference (civil kinds only)',
  escrowAmountFen: 'amount lodged, fen',
  escrowOn: 'date lodged',
  victimWaiverRef: 'written waiver reference (civil kinds only)',
  victimWaiverOn: 'date of the waiver',
  assetSearchCompletedOn: 'date the asset search (查控) completed',
  assetSearchExecutableAssetsFound: 'true/false',
  assetSearchFoundFen: 'value found, fen',
  conduct: 'code:foundOn:ceasedOn:serious entries separated by ";" (ceasedOn and serious may be empty)',
  documents: 'type:ref:issuedOn entries separated by ";"',
  asOf: 'instant the snapshot was true, with offset (required)',
  version: 'status version, strictly increasing per item (required)',
  inReplyTo: 'requestId of the verification request this answers',
  messageId: 'message id; default: derived from court, judgment, item and version (so a re-import is a duplicate)',
} as const;
export type StatusColumn = keyof typeof STATUS_COLUMNS;
const KNOWN = new Set<string>(Object.keys(STATUS_COLUMNS));
/** Columns of a `.rejected.csv` this importer wrote, so a corrected one imports as it is. */
export const REPORT_COLUMNS = ['sourceLine', 'problems'] as const;
const REQUIRED: StatusColumn[] = ['judgmentId', 'itemNo', 'personId', 'kind', 'asOf', 'version'];

/** Problems with a header row; empty when it is usable. */
export function headerProblems(header: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) problems.push(`column ${name} appears twice`);
    seen.add(name);
    if (!KNOWN.has(name) && !(REPORT_COLUMNS as readonly string[]).includes(name))
      problems.push(`unknown column ${JSON.stringify(name)}`);
  }
  for (const name of REQUIRED) if (!seen.has(name)) problems.push(`missing required column ${name}`);
  return problems;
}

export type RowResult = { ok: true; message: EnforcementStatusMessage } | { ok: false; problems: string[] };

/** Names a row's message when the file has no messageId column (the CLI: a hash of the item). */
export type MessageIdOf = (court: string, judgmentId: string, itemNo: number, version: number) => string;

export function statusFromRow(
  row: Readonly<Record<string, string>>,
  court: string,
  sentAt: string,
  messageIdOf: MessageIdOf,
): RowResult {
  const problems: string[] = [];
  const cell = (name: StatusColumn) => (row[name] ?? '').trim();
  const present = (name: StatusColumn) => cell(name) !== '';
  const integer = (name: StatusColumn): number | undefined => {
    if (!present(name)) return undefined;
    if (!/^-?\d+$/.test(cell(name))) problems.push(`${name}: ${JSON.stringify(cell(name))} is not a whole number`);
    return Number(cell(name));
  };
  const boolean = (name: StatusColumn): boolean | undefined => {
    if (!present(name)) return undefined;
    const value = cell(name).toLowerCase();
    if (value !== 'true' && value !== 'false')
      problems.push(`${name}: ${JSON.stringify(cell(name))} is not true or false`);
    return value === 'true';
  };
  const text = (name: StatusColumn) => (present(name) ? cell(name) : undefined);
  const group = <T extends Record<string, unknown>>(fields: T): T | undefined =>
    Object.values(fields).some((v) => v !== undefined)
      ? (Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as T)
      : undefined;

  const wholeEstate = boolean('wholeEstate');
  const body = {
    judgmentId: cell('judgmentId'),
    itemNo: integer('itemNo'),
    enforcementCaseId: text('enforcementCaseId'),
    personId: cell('personId'),
    kind: cell('kind'),
    dueFen: present('dueFen') ? integer('dueFen') : null,
    wholeEstate,
    payments: list('payments', cell('payments'), ['receiptNo', 'amountFen', 'payer', 'paidOn'], 'first', problems),
    jointLiability: group({
      groupId: text('jointLiabilityGroupId'),
      coObligorsPaidFen: integer('jointLiabilityCoObligorsPaidFen'),
    }),
    instalments:
      present('instalmentsOverdue') || present('instalmentsNextDueOn')
        ? {
            agreed: true,
            overdue: boolean('instalmentsOverdue'),
            ...group({ nextDueOn: text('instalmentsNextDueOn') }),
          }
        : undefined,
    fineExempted: group({ rulingRef: text('fineExemptedRulingRef'), on: text('fineExemptedOn') }),
    escrow: group({ ref: text('escrowRef'), amountFen: integer('escrowAmountFen'), on: text('escrowOn') }),
    victimWaiver: group({ ref: text('victimWaiverRef'), on: text('victimWaiverOn') }),
    assetSearch: group({
      completedOn: text('assetSearchCompletedOn'),
      executableAssetsFound: boolean('assetSearchExecutableAssetsFound'),
      foundFen: integer('assetSearchFoundFen'),
    }),
    conduct: list('conduct', cell('conduct'), ['code', 'foundOn', 'ceasedOn', 'serious'], 'none', problems),
    documents: list('documents', cell('documents'), ['type', 'ref', 'issuedOn'], 'middle', problems),
    asOf: cell('asOf'),
    version: integer('version'),
    inReplyTo: text('inReplyTo'),
  };
  if (problems.length > 0) return { ok: false, problems };

  const envelope = {
    schema: SCHEMA_NAMES.enforcementStatus,
    messageId: text('messageId') ?? messageIdOf(court, body.judgmentId, body.itemNo ?? 0, body.version ?? 0),
    sentAt,
    sender: { kind: 'ENFORCING_COURT', id: court },
    body: withoutUndefined(body),
  };
  const checked = enforcementStatusMessage.safeParse(envelope);
  if (!checked.success)
    return {
      ok: false,
      problems: problemsOf(checked.error).map((p) => `${p.path.replace(/^body\./, '')}: ${p.message}`),
    };
  return { ok: true, message: checked.data };
}

/**
 * A list column: a JSON array, or entries split on ";" and fields on ":". `freeField` names
 * the one field that may itself hold ":" (taken from what is left once the others are read).
 */
function list(
  column: string,
  value: string,
  fields: readonly string[],
  freeField: 'first' | 'middle' | 'none',
  problems: string[],
): unknown[] {
  if (value === '') return [];
  if (value.startsWith('[')) {
    try {
      const parsed = JSON.parse(value) as unknown;
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // Reported below.
    }
    problems.push(`${column}: starts with [ but is not a JSON array`);
    return [];
  }
  return value.split(';').map((entry, index) => {
    const parts = entry.split(':').map((p) => p.trim());
    let values: string[];
    if (freeField === 'first' && parts.length >= fields.length)
      values = [
        parts.slice(0, parts.length - fields.length + 1).join(':'),
        ...parts.slice(parts.length - fields.length + 1),
      ];
    else if (freeField === 'middle' && parts.length >= fields.length)
      values = [parts[0]!, parts.slice(1, -1).join(':'), parts.at(-1)!];
    else values = parts;
    if (values.length > fields.length || (freeField !== 'none' && values.length !== fields.length)) {
      problems.push(`${column} entry ${index + 1}: ${JSON.stringify(entry)} is not ${fields.join(':')}`);
      return {};
    }
    const object: Record<string, unknown> = {};
    fields.forEach((field, i) => {
      const raw = values[i];
      if (raw === undefined || raw === '') return;
      if (field === 'serious') {
        const word = raw.toLowerCase();
        if (word !== 'true' && word !== 'false')
          problems.push(
            `${column} entry ${index + 1}: serious must be true, false or empty, not ${JSON.stringify(raw)}`,
          );
        object[field] = word === 'true';
      } else {
        // Left as text when not a number, so the contract names the problem.
        object[field] = /Fen$/.test(field) && /^-?\d+$/.test(raw) ? Number(raw) : raw;
      }
    });
    return object;
  });
}

function withoutUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export interface CsvRow {
  /** The line the row starts on, and the line it ends on (a quoted field may hold line breaks). */
  readonly line: number;
  readonly endLine: number;
  readonly fields: string[];
}

/** The rows of a CSV text with their lines; a string says why it cannot be read. */
export function parseCsvRows(text: string): CsvRow[] | string {
  try {
    const parsed = parse(text.replace(/\r\n?/g, '\n'), {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      record_delimiter: '\n',
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return parsed.map(({ record, info }) => {
      const breaks = record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
      return { line: info.lines - breaks, endLine: info.lines, fields: record };
    });
  } catch (error) {
    const where = (error as { lines?: number }).lines;
    return `${where ? `line ${where}: ` : ''}not readable as CSV (${(error as Error).message})`;
  }
}

/** Checks one data row against the header and the contract. */
export function checkRow(
  header: readonly string[],
  row: CsvRow,
  court: string,
  sentAt: string,
  messageIdOf: MessageIdOf,
) {
  if (row.fields.length !== header.length)
    return { ok: false as const, problems: [`has ${row.fields.length} fields, the header has ${header.length}`] };
  return statusFromRow(
    Object.fromEntries(header.map((name, i) => [name, row.fields[i] ?? ''])),
    court,
    sentAt,
    messageIdOf,
  );
}

export interface RejectedRow {
  readonly row: CsvRow;
  readonly problems: readonly string[];
}

/** Lines of a `.rejected.csv`: sourceLine, problems, then the row as it was (header first if asked). */
export function rejectedCsvLines(
  header: readonly string[],
  rejected: readonly RejectedRow[],
  withHeader: boolean,
): string[] {
  const original = header.filter((name) => !(REPORT_COLUMNS as readonly string[]).includes(name));
  const lines: string[] = withHeader ? [[...REPORT_COLUMNS, ...original].map(csvCell).join(',')] : [];
  for (const { row, problems } of rejected) {
    const byName = new Map(header.map((name, i) => [name, row.fields[i] ?? '']));
    const cells = header.length === row.fields.length ? original.map((name) => byName.get(name) ?? '') : row.fields;
    lines.push([String(row.line), problems.join('; '), ...cells].map(csvCell).join(','));
  }
  return lines;
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function lineLabel(row: CsvRow): string {
  return row.line === row.endLine ? String(row.line) : `${row.line}-${row.endLine}`;
}
