// Reads a rejected message's raw text back from the quarantine table, whether it was kept
// as it is or gzipped and split into parts (shared/storage/quarantine-store.ts).
import { gunzipSync } from 'node:zlib';
import { partRef } from '../../../shared/storage/quarantine-store.ts';

export type QuarantineItems = ReadonlyMap<string, Record<string, unknown>>;

export function quarantineItems(items: readonly Record<string, unknown>[]): QuarantineItems {
  return new Map(items.map((item) => [String(item.pk), item]));
}

/** The raw text under a quarantineRef, or undefined when there is no complete entry. */
export function quarantinedText(items: QuarantineItems, ref: string): string | undefined {
  const main = items.get(ref);
  if (!main) return undefined;
  if (typeof main.raw === 'string') return main.raw;
  if (!(main.rawGzip instanceof Uint8Array)) return undefined;
  const parts: Uint8Array[] = [main.rawGzip];
  for (let index = 1; index < Number(main.parts ?? 1); index += 1) {
    const part = items.get(partRef(ref, index))?.rawGzip;
    if (!(part instanceof Uint8Array)) return undefined;
    parts.push(part);
  }
  return gunzipSync(Buffer.concat(parts)).toString('utf8');
}
