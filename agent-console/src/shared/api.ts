import type { ApiError } from '@hotline/backend/api-types';

/** A failed API call, with the server's error code and message so the UI can show both. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
    /** The error's `details`, when the server sends any (e.g. who holds an appeal on a 409). */
    readonly details?: unknown,
    /** The server's precise reason (one of `ERROR_REASONS`), which the console translates. */
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Sent as application/json. */
  json?: unknown;
  /** Sent as multipart/form-data (the browser sets the boundary). */
  form?: FormData;
  signal?: AbortSignal;
  /** A 401 here is an expected answer (login, session probe), not an expired session. */
  expectUnauthorized?: boolean;
}

let unauthorizedListener: (() => void) | undefined;

/** The console registers here to fall back to its login form when a session expires mid-work. */
export function onUnauthorized(listener: (() => void) | undefined): void {
  unauthorizedListener = listener;
}

/** Same-origin fetch that returns the parsed body or throws an `ApiRequestError`. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form) {
    body = options.form;
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiRequestError(0, 'network', error instanceof Error ? error.message : String(error));
  }

  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (payload as { error?: ApiError['error'] & { details?: unknown; reason?: string } } | undefined)?.error;
    if (response.status === 401 && !options.expectUnauthorized) unauthorizedListener?.();
    throw new ApiRequestError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? response.statusText,
      error?.requestId,
      error?.details,
      error?.reason,
    );
  }
  return payload as T;
}

export const isApiError = (error: unknown, status?: number): error is ApiRequestError =>
  error instanceof ApiRequestError && (status === undefined || error.status === status);

export const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';
