// Calls to the console API with the signed-in token. Types come from the API's zod schemas
// (type-only imports: nothing of zod reaches the browser).
import type { CaseDetail, CaseListRow, Me, RequestView } from '../../../api/schemas.ts';
import { clearSession, readToken } from '../auth/session.ts';
import { takeEarlyResponse } from './early.ts';

export type { CaseDetail, CaseListRow, Me, RequestView };
export interface Page<T> {
  rows: T[];
  cursor?: string;
}
export interface Rejection {
  ref: string;
  receivedAt: string;
  reason: string;
  messageId: string | null;
  problems: { path: string; message: string }[];
}
export interface AccessEntry {
  viewedAt: string;
  username: string;
  userRole: string;
  institution: { id: string; name: string; nameZh: string };
  applicationId: string;
  what: 'case' | 'print';
}

export class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export async function apiGet<T>(path: string, params: Record<string, string | undefined> = {}): Promise<T> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const url = query.size > 0 ? `${path}?${query.toString()}` : path;
  const response =
    (await takeEarlyResponse(url)) ?? (await fetch(url, { headers: { Authorization: `Bearer ${readToken() ?? ''}` } }));
  if (response.status === 401) {
    clearSession();
    window.location.assign('/sign-in');
  }
  if (!response.ok) throw new ApiError(response.status, `${response.status}`);
  return (await response.json()) as T;
}

export async function signIn(username: string, password: string): Promise<string | undefined> {
  const response = await fetch('/auth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) return undefined;
  return ((await response.json()) as { access_token: string }).access_token;
}

export type PostResult<T> =
  { ok: true; value: T } | { ok: false; status: number; problems: { path: string; message: string }[]; error: string };

/** POST JSON; a refusal (400, 403, 404) comes back as problems, not as an exception. */
export async function apiPost<T>(path: string, body: unknown): Promise<PostResult<T>> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { Authorization: `Bearer ${readToken() ?? ''}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status === 401) {
    clearSession();
    window.location.assign('/sign-in');
  }
  const json = (await response.json().catch(() => ({}))) as {
    error?: string;
    problems?: { path: string; message: string }[];
  };
  if (!response.ok)
    return { ok: false, status: response.status, problems: json.problems ?? [], error: json.error ?? '' };
  return { ok: true, value: json as T };
}
