/**
 * The error catalogue. Every error a user or a client can see has a stable code, an HTTP status and a
 * Chinese and English message. Modules declare their errors with `defineErrors` next to their code;
 * the declarations land in one registry, which the HTTP error handler and docs/ERRORS.md are checked
 * against.
 */

export interface ErrorDefinition {
  /** Stable, upper-case code, e.g. `INGEST_UNKNOWN_COLUMN`. Never renamed once released. */
  code: string;
  status: number;
  /** Message templates; `{name}` placeholders are filled from the error's params. */
  zh: string;
  en: string;
}

type Definitions<K extends string> = { [P in K]: Omit<ErrorDefinition, 'code'> };

const registry = new Map<string, ErrorDefinition>();

/** Declares a module's errors; the object keys are the codes. Throws on a code declared twice. */
export function defineErrors<K extends string>(defs: Definitions<K>): { [P in K]: ErrorDefinition } {
  const out = {} as { [P in K]: ErrorDefinition };
  for (const code of Object.keys(defs) as K[]) {
    if (registry.has(code)) throw new Error(`error code ${code} declared twice`);
    const def = { code, ...defs[code] };
    registry.set(code, def);
    out[code] = def;
  }
  return out;
}

/** Every error code declared so far (modules declare theirs when they are imported). */
export function allErrorDefinitions(): ErrorDefinition[] {
  return [...registry.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** The declaration of a code (errors crossing a worker-thread boundary are rebuilt from it). */
export function findErrorDefinition(code: string): ErrorDefinition | undefined {
  return registry.get(code);
}

export type ErrorParams = Record<string, string | number | boolean | null | undefined>;

function fill(template: string, params: ErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    return value === undefined || value === null ? whole : String(value);
  });
}

/** An error meant for the user: carries its catalogue entry, the filled messages and optional details. */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly params: ErrorParams;
  readonly details: unknown;

  constructor(def: ErrorDefinition, params: ErrorParams = {}, details?: unknown) {
    const zh = fill(def.zh, params);
    super(zh);
    this.name = 'AppError';
    this.code = def.code;
    this.status = def.status;
    this.messageZh = zh;
    this.messageEn = fill(def.en, params);
    this.params = params;
    this.details = details;
  }

  toJSON(): { code: string; message: string; messageEn: string; details?: unknown } {
    return {
      code: this.code,
      message: this.messageZh,
      messageEn: this.messageEn,
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

export const CommonErrors = defineErrors({
  VALIDATION_FAILED: { status: 400, zh: '请求参数不合法：{detail}', en: 'Invalid request: {detail}' },
  NOT_FOUND: { status: 404, zh: '未找到{what}', en: '{what} not found' },
  UNAUTHENTICATED: { status: 401, zh: '未登录或凭证无效', en: 'Not signed in or invalid credentials' },
  FORBIDDEN: { status: 403, zh: '无权执行此操作：{detail}', en: 'Not allowed: {detail}' },
  CONFLICT: { status: 409, zh: '操作冲突：{detail}', en: 'Conflict: {detail}' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '上传内容过大，上限为 {limit}', en: 'Upload too large; the limit is {limit}' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests, try again later' },
  INTERNAL: { status: 500, zh: '服务器内部错误，请联系管理员', en: 'Internal server error' },
});
