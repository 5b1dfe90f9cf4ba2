// Checks a form's body with the contract's own zod schema (the one the ingest uses) and turns
// each issue into an error on the form field with the same path, in Chinese.
import type * as z from 'zod/mini';
import { zhMessage } from './messages-zh.ts';

export type FieldPath = (string | number)[];
export interface FieldError {
  // antd's setFields takes any path; typed loosely so every form can use it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  name: any;
  errors: string[];
}

export function contractErrors(schema: z.ZodMiniType, body: unknown): FieldError[] {
  const result = schema.safeParse(body);
  if (result.success) return [];
  const byPath = new Map<string, FieldError>();
  for (const issue of result.error.issues) {
    const name = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    const key = JSON.stringify(name);
    const entry = byPath.get(key) ?? { name, errors: [] };
    entry.errors.push(zhMessage(issue.message));
    byPath.set(key, entry);
  }
  return [...byPath.values()];
}

/** Problems from the server (`body.payments.0.amountFen`) as form field errors. */
export function serverErrors(problems: readonly { path: string; message: string }[]): FieldError[] {
  return problems.map((p) => ({
    name: p.path
      .replace(/^body\.?/, '')
      .split('.')
      .filter((s) => s !== '')
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
    errors: [zhMessage(p.message)],
  }));
}
