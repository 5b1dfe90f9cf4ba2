// Where an interrupted `linkage import statuses` resumes: the last CSV line fully handled
// (sent, or reported as rejected), next to the CSV, tied to the file's size and mtime.
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as z from 'zod';

const checkpointSchema = z.object({
  size: z.number(),
  mtimeMs: z.number(),
  court: z.string(),
  lastLine: z.int(),
  sent: z.int(),
  rejected: z.int(),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

export const checkpointPath = (csv: string) => `${csv}.import-checkpoint.json`;
export const rejectedPath = (csv: string) => `${csv}.rejected.csv`;

export function fileIdentity(csv: string): { size: number; mtimeMs: number } {
  const stat = statSync(csv);
  return { size: stat.size, mtimeMs: stat.mtimeMs };
}

export function readCheckpoint(csv: string): Checkpoint | undefined {
  try {
    const parsed = checkpointSchema.safeParse(JSON.parse(readFileSync(checkpointPath(csv), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Written to a temporary file and renamed over, so an interruption never leaves half a checkpoint. */
export function writeCheckpoint(csv: string, checkpoint: Checkpoint): void {
  const path = checkpointPath(csv);
  writeFileSync(`${path}.tmp`, JSON.stringify(checkpoint));
  renameSync(`${path}.tmp`, path);
}

export function clearCheckpoint(csv: string): void {
  rmSync(checkpointPath(csv), { force: true });
}
