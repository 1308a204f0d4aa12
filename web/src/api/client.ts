/**
 * The API client of the website and the console: JSON in and out, bearer tokens per area, and the API's
 * errors (stable `code`, Chinese `message`, English `messageEn`) turned into `ApiError`s.
 */

export const API_BASE = '/api/v1';

/** Where a signed-in token belongs: the console's staff session, or a subject's own session on the website. */
export type Area = 'admin' | 'my';

const TOKEN_KEYS: Record<Area, string> = { admin: 'xinyong.admin.token', my: 'xinyong.my.token' };

export function getToken(area: Area): string | null {
  return localStorage.getItem(TOKEN_KEYS[area]);
}

export function setToken(area: Area, token: string | null): void {
  if (token === null) localStorage.removeItem(TOKEN_KEYS[area]);
  else localStorage.setItem(TOKEN_KEYS[area], token);
}

/** An error answered by the API (or the network), with the message to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageEn: string = message,
    /** The error's `details`, when the API sends them (e.g. the rows of a rejected file). */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  /** A plain object is sent as JSON; FormData and Blob as they are. */
  body?: unknown;
  contentType?: string;
  area?: Area;
  /** A bearer token to use instead of the area's. */
  token?: string;
  signal?: AbortSignal;
}

/** Builds `/api/v1/path?query`, leaving out empty query values. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {};
  const token = options.token ?? (options.area ? getToken(options.area) : null);
  if (token) headers.authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body instanceof Blob) {
    body = options.body;
    headers['content-type'] = options.contentType ?? (options.body.type || 'application/octet-stream');
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      ...(body === undefined ? {} : { body }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试', 'Cannot reach the server; check the network and try again');
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

async function toApiError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { code?: string; message?: string; messageEn?: string; details?: unknown };
    if (body.code && body.message) return new ApiError(response.status, body.code, body.message, body.messageEn ?? body.message, body.details);
  } catch {
    // not JSON: fall through to a generic message
  }
  return new ApiError(response.status, `HTTP_${response.status}`, `服务器返回错误（${response.status}）`, `The server answered ${response.status}`);
}

/** Calls a JSON endpoint; resolves to undefined for 204. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
  headers: Headers;
}

/** File name from Content-Disposition (`filename*=UTF-8''…` preferred), else the fallback. */
function fileNameOf(headers: Headers, fallback: string): string {
  const disposition = headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/** Calls an endpoint answering a file. */
export async function apiFile(path: string, fallbackName: string, options: RequestOptions = {}): Promise<DownloadedFile> {
  const response = await send(path, options);
  return { blob: await response.blob(), fileName: fileNameOf(response.headers, fallbackName), headers: response.headers };
}

/** Hands a downloaded file to the browser as a download. */
export function saveFile(file: DownloadedFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
