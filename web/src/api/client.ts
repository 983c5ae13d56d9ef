// Fetch wrapper for /api/v1: JSON in and out, CSRF header on writes, coded errors, 401 → sign-in.
import { CSRF_HEADER } from '@duibiao/contracts';
import type { ErrorCode, FieldError } from '@duibiao/contracts';

export const API_BASE = '/api/v1';

/** An error answered by the server (or a network failure, code INTERNAL with status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: FieldError[];
  readonly requestId: string | undefined;

  constructor(status: number, code: ErrorCode, message: string, details: FieldError[] = [], requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }
}

let csrfToken: string | null = null;
/** Remember the token from the last session response; every non-GET request echoes it. */
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};
export const getCsrfToken = (): string | null => csrfToken;

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {
  if (window.location.pathname === '/login') return;
  const next = window.location.pathname + window.location.search;
  window.location.assign(`/login?next=${encodeURIComponent(next)}`);
};
/** Replace the default 401 reaction (a full page load of /login) with a router navigation. */
export const setUnauthorizedHandler = (handler: UnauthorizedHandler): void => {
  onUnauthorized = handler;
};

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];
export type Query = Record<string, QueryValue>;

/** Query string without empty values; arrays become repeated keys (rank=a&rank=b). */
export function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.append(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Absolute URL of an API path (for download links). */
export const apiUrl = (path: string, query?: Query): string => `${API_BASE}${path}${toQueryString(query)}`;

/** Turn a non-2xx response (already read as text) into an ApiError. */
export function parseErrorBody(status: number, text: string): ApiError {
  try {
    const body = JSON.parse(text) as { error?: { code?: ErrorCode; message?: string; details?: FieldError[]; requestId?: string } };
    if (body.error?.code) {
      return new ApiError(status, body.error.code, body.error.message ?? body.error.code, body.error.details ?? [], body.error.requestId);
    }
  } catch {
    // not JSON: fall through to a generic error
  }
  const code: ErrorCode = status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND' : 'INTERNAL';
  return new ApiError(status, code, text.slice(0, 200) || `HTTP ${status}`);
}

/** Called by every transport (fetch or XHR) when the server answers 401. */
export function handleUnauthorized(path: string): void {
  // A failed sign-in is a form error, not a lost session.
  if (path === '/auth/login') return;
  onUnauthorized();
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

/** Send one request; resolves with the parsed JSON body (undefined for 204). */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  try {
    return await send<T>(method, path, options);
  } catch (e) {
    // The CSRF token went stale (e.g. signed in again in another tab): fetch the current one and retry once.
    if (!(e instanceof ApiError) || e.code !== 'CSRF_FAILED') throw e;
    const session = await send<{ csrfToken: string }>('GET', '/auth/me', {});
    setCsrfToken(session.csrfToken);
    return send<T>(method, path, options);
  }
}

async function send<T>(method: string, path: string, options: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'INTERNAL', e instanceof Error ? e.message : String(e));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (!response.ok) {
    if (response.status === 401) handleUnauthorized(path);
    throw parseErrorBody(response.status, text);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: (path: string) => request<void>('DELETE', path),
};
