// CSV of a chart's table (RFC 4180, UTF-8 with a byte-order mark for spreadsheet programs),
// and file downloads: a Blob, or an API file fetched with the signed-in token.
import { readToken } from '../auth/session.ts';

const cell = (value: string | number) => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export function tableCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads an API file; false when the API refused it (e.g. no PDF renderer here). */
export async function downloadApiFile(path: string, filename: string): Promise<boolean> {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${readToken() ?? ''}` } });
  if (!response.ok) return false;
  saveFile(await response.blob(), filename);
  return true;
}
