import { CLIENT_HEADER, type FieldError, type LoginResponse, type ProblemDetails } from '@cascade/contracts';
import { HttpError } from 'react-admin';
import { session } from './session';

export const API_URL = '/api';

export interface HttpResponse<T> {
  status: number;
  headers: Headers;
  json: T;
}

export interface RequestOptions extends RequestInit {
  /** Serialised as the JSON body. Use `body` for FormData. */
  json?: unknown;
  /** Send the bearer token and refresh it on 401. Default true. */
  authenticated?: boolean;
}

/** What an HttpError from this client carries in `body`. */
export interface ProblemBody extends Omit<Partial<ProblemDetails>, 'errors'> {
  /** The server's field errors as sent. */
  fieldErrors: FieldError[];
  /** Field errors keyed by field, the shape react-admin forms show beside each input. */
  errors?: Record<string, string | { serverError: string }>;
  /** Seconds from the Retry-After header of a 429. */
  retryAfter?: number;
}

export const isProblemBody = (body: unknown): body is ProblemBody =>
  typeof body === 'object' && body !== null && Array.isArray((body as ProblemBody).fieldErrors);

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Turns a problem+json answer into the HttpError react-admin understands. */
export async function toHttpError(response: Response): Promise<HttpError> {
  const parsed = await readBody(response);
  const problem: Partial<ProblemDetails> =
    typeof parsed === 'object' && parsed !== null ? (parsed as ProblemDetails) : {};
  const message = problem.detail || problem.title || response.statusText || `HTTP ${response.status}`;
  const fieldErrors = Array.isArray(problem.errors) ? problem.errors : [];
  const body: ProblemBody = { ...problem, fieldErrors, errors: undefined };
  if (fieldErrors.length > 0) {
    const byField: Record<string, string | { serverError: string }> = {};
    for (const { field, message: fieldMessage } of fieldErrors) {
      const previous = byField[field];
      byField[field] = typeof previous === 'string' ? `${previous}; ${fieldMessage}` : fieldMessage;
    }
    // root.serverError becomes the form's notification instead of the generic "form is invalid".
    byField.root = { serverError: message };
    body.errors = byField;
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  if (Number.isFinite(retryAfter) && retryAfter > 0) body.retryAfter = retryAfter;
  return new HttpError(message, response.status, body);
}

/** What refresh and logout send besides the cookie, which a forged cross-site request cannot. */
export const CLIENT_HEADERS = { [CLIENT_HEADER]: 'console' };

let pendingRefresh: Promise<string> | null = null;

/**
 * Single flight: concurrent 401s share one refresh, because each refresh token works once.
 * Tabs share the cookie, so they take turns too (Web Locks): two tabs presenting the same
 * token would look like a stolen one and end the session.
 */
export function refreshAccessToken(): Promise<string> {
  pendingRefresh ??= (
    navigator.locks ? navigator.locks.request('cascade.refresh', performRefresh) : performRefresh()
  ).finally(() => {
    pendingRefresh = null;
  });
  return pendingRefresh;
}

async function performRefresh(): Promise<string> {
  if (!session.active()) throw new HttpError('Not signed in', 401, { fieldErrors: [] } satisfies ProblemBody);
  // The refresh token is the httpOnly cookie, sent only to /api/auth.
  const response = await fetch(`${API_URL}/auth/refresh`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', ...CLIENT_HEADERS },
  });
  if (!response.ok) {
    if (response.status < 500 && response.status !== 429) session.clear();
    throw await toHttpError(response);
  }
  const login = (await response.json()) as LoginResponse;
  session.save(login);
  return login.accessToken;
}

/** After a reload the access token is gone from memory: get a new one through the cookie. */
export async function restoreSession(): Promise<void> {
  if (!session.accessToken() && session.active()) await refreshAccessToken();
}

const apiUrl = (path: string) => (path.startsWith(API_URL + '/') ? path : `${API_URL}${path}`);

/** fetch with the bearer token, one refresh-and-retry on 401, and problem+json errors thrown as HttpError. */
async function authorizedFetch(path: string, options: RequestOptions = {}): Promise<Response> {
  const { json, authenticated = true, headers, ...init } = options;
  const send = (token: string | null) => {
    const requestHeaders = new Headers(headers);
    if (!requestHeaders.has('Accept')) requestHeaders.set('Accept', 'application/json, application/problem+json');
    if (json !== undefined) requestHeaders.set('Content-Type', 'application/json');
    if (token) requestHeaders.set('Authorization', `Bearer ${token}`);
    return fetch(apiUrl(path), {
      ...init,
      headers: requestHeaders,
      body: json !== undefined ? JSON.stringify(json) : init.body,
    });
  };

  if (authenticated) await restoreSession();
  const usedToken = authenticated ? session.accessToken() : null;
  let response = await send(usedToken);
  if (response.status === 401 && authenticated && session.active()) {
    // A refresh that finished while this request was in flight already left a newer token.
    const current = session.accessToken();
    const token = current && current !== usedToken ? current : await refreshAccessToken();
    response = await send(token);
  }
  if (!response.ok) throw await toHttpError(response);
  return response;
}

/**
 * fetch for the Cascade API: JSON in and out, bearer token, one refresh-and-retry on 401,
 * and problem+json errors thrown as HttpError.
 */
export async function httpClient<T = unknown>(path: string, options: RequestOptions = {}): Promise<HttpResponse<T>> {
  const response = await authorizedFetch(path, options);
  return { status: response.status, headers: response.headers, json: (await readBody(response)) as T };
}

/** A file the API serves behind the bearer token (PDF, XLSX, ICS, uploads), with its suggested name. */
export async function httpBlob(path: string): Promise<{ blob: Blob; fileName: string | null }> {
  const response = await authorizedFetch(path, { headers: { Accept: '*/*' } });
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const fileName = encoded ? decodeURIComponent(encoded) : (plain ?? null);
  return { blob: await response.blob(), fileName };
}
