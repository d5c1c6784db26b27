// The one place that calls the API and turns its errors into ApiError values.
import type { PageResult } from '../../../server/lib/paging.ts';

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  readonly requestId?: string;
  /** a stale edit (409 STALE_EDIT): the record as it is now, saved by someone else */
  readonly current?: unknown;
  constructor(
    status: number,
    code: string,
    message: string,
    fields: FieldError[] = [],
    requestId?: string,
    current?: unknown,
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.requestId = requestId;
    this.current = current;
  }
}

type Query = Record<string, string | number | boolean | null | undefined | (string | number)[]>;

export function toQueryString(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const item of v) params.append(k, String(item));
    else params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

let onUnauthenticated: () => void = () => {};
export function setUnauthenticatedHandler(fn: () => void) {
  onUnauthenticated = fn;
}

function currentLocale(): string {
  return localStorage.getItem('propdesk.locale') === 'en-US' ? 'en-US' : 'zh-CN';
}

async function request<T>(method: string, url: string, body?: unknown, query?: Query): Promise<T> {
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  const res = await fetch(`/api${url}${toQueryString(query)}`, {
    method,
    credentials: 'same-origin',
    headers: {
      'accept-language': currentLocale(),
      ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : isForm ? (body as FormData) : JSON.stringify(body),
  });
  if (res.status === 401 && !url.startsWith('/auth/login')) onUnauthenticated();
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) {
    throw new ApiError(
      res.status,
      data?.code ?? 'HTTP_ERROR',
      data?.message ?? res.statusText,
      data?.fields ?? [],
      data?.requestId,
      data?.current,
    );
  }
  return data as T;
}

export const api = {
  get: <T>(url: string, query?: Query) => request<T>('GET', url, undefined, query),
  post: <T>(url: string, body?: unknown) => request<T>('POST', url, body ?? {}),
  put: <T>(url: string, body?: unknown) => request<T>('PUT', url, body ?? {}),
  patch: <T>(url: string, body?: unknown) => request<T>('PATCH', url, body ?? {}),
  delete: <T>(url: string) => request<T>('DELETE', url),
  /** A URL for a file download (Excel export): the browser sends the session cookie itself. */
  href: (url: string, query?: Query) => `/api${url}${toQueryString(query)}`,
};

/** One page of a list, as every list route answers (`PageOf` in server/lib/paging.ts). */
export type Page<T> = PageResult<T>;
