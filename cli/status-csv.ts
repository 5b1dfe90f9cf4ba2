// The CLI's side of the status CSV: the parser itself is shared with the console
// (shared/contract/status-csv.ts); here only the message id derived from the item, which needs
// node:crypto, so that importing a file twice sends duplicates the service ignores.
import { createHash } from 'node:crypto';
import * as shared from '../shared/contract/status-csv.ts';

export { REPORT_COLUMNS, STATUS_COLUMNS, headerProblems, type RowResult } from '../shared/contract/status-csv.ts';

/** Same court, item and version → same id: importing a file twice sends duplicates the service ignores. */
export function derivedMessageId(court: string, judgmentId: string, itemNo: number, version: number): string {
  const prefix = `${court}:csv:`;
  const hash = createHash('sha256').update(`${judgmentId}\u0000${itemNo}\u0000${version}`).digest('hex');
  return `${prefix}${hash.slice(0, Math.min(40, 64 - prefix.length))}`;
}

export function statusFromRow(row: Readonly<Record<string, string>>, court: string, sentAt: string) {
  return shared.statusFromRow(row, court, sentAt, derivedMessageId);
}

export function checkRow(header: readonly string[], row: shared.CsvRow, court: string, sentAt: string) {
  return shared.checkRow(header, row, court, sentAt, derivedMessageId);
}
