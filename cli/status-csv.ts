// One row of an enforcing court's CSV export → one linkage.enforcement-status.v1 envelope.
// Columns are documented in docs/local.md and `linkage import statuses --help`. Scalar
// fields have a column each; lists (payments, conduct, documents) take a compact
// `a:b:c;a:b:c` form or a JSON array of contract objects.
import { createHash } from 'node:crypto';
import { enforcementStatusMessage, SCHEMA_NAMES, type EnforcementStatusMessage } from '../shared/contract/messages.ts';
import { problemsOf } from '../shared/contract/problems.ts';

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

export function statusFromRow(row: Readonly<Record<string, string>>, court: string, sentAt: string): RowResult {
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
    messageId: text('messageId') ?? derivedMessageId(court, body.judgmentId, body.itemNo ?? 0, body.version ?? 0),
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

/** Same court, item and version → same id: importing a file twice sends duplicates the service ignores. */
export function derivedMessageId(court: string, judgmentId: string, itemNo: number, version: number): string {
  const prefix = `${court}:csv:`;
  const hash = createHash('sha256').update(`${judgmentId}\u0000${itemNo}\u0000${version}`).digest('hex');
  return `${prefix}${hash.slice(0, Math.min(40, 64 - prefix.length))}`;
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
