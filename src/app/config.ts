import path from 'node:path';
import { DEFAULT_DUE_PROCESS_DEADLINES, DUE_PROCESS_ENV, type DueProcessDeadlines } from '../kernel/due-process-deadlines.js';

/** Runtime configuration, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  /** Where PGlite keeps its files, the secret key and calendar overrides live. */
  dataDir: string;
  /** A PostgreSQL server URL; when absent the embedded PGlite database under dataDir is used. */
  databaseUrl: string | undefined;
  /** 32-byte key for field encryption and keyed hashes; from XINYONG_SECRET_KEY or a file in dataDir. */
  secretKeyHex: string | undefined;
  /** Directory of operator-maintained working-day schedules for years the bundled data lacks. */
  calendarDir: string;
  logLevel: string;
  /** Largest upload a department may submit in one batch, in bytes. */
  maxUploadBytes: number;
  /** The address the public reaches the website at (no trailing slash); printed in reports' QR codes. */
  publicBaseUrl: string;
  /** Seconds between runs of the lists sweep (expiry, objection periods, list rules); 0 turns it off. */
  sweepIntervalSeconds: number;
  /** Seconds between runs of the webhook dispatcher (outbox → departments' systems); 0 turns it off. */
  webhookIntervalSeconds: number;
  /** Working-day deadlines of objections, credit repair and complaints (local practice). */
  dueProcess: DueProcessDeadlines;
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`环境变量 ${name} 必须是非负整数，当前为 "${raw}"`);
  }
  return value;
}

function publicUrlFrom(raw: string | undefined, port: number): string {
  if (raw === undefined || raw === '') return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`环境变量 XINYONG_PUBLIC_URL 必须是完整的网址（如 https://credit.example.gov.cn），当前为 "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`环境变量 XINYONG_PUBLIC_URL 必须以 http:// 或 https:// 开头，当前为 "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

function deadlinesFrom(env: NodeJS.ProcessEnv): DueProcessDeadlines {
  const out = { ...DEFAULT_DUE_PROCESS_DEADLINES };
  for (const key of Object.keys(out) as (keyof DueProcessDeadlines)[]) {
    const name = DUE_PROCESS_ENV[key];
    const value = intFrom(env, name, out[key]);
    if (value < 1 || value > 250) throw new Error(`环境变量 ${name} 是以工作日计的期限，须在 1 到 250 之间，当前为 "${env[name]}"`);
    out[key] = value;
  }
  if (out.repairDepartmentWorkdays > out.repairTotalWorkdays) {
    throw new Error(`认定部门审核期限（${DUE_PROCESS_ENV.repairDepartmentWorkdays}）不能长于信用修复办理总期限（${DUE_PROCESS_ENV.repairTotalWorkdays}）`);
  }
  return out;
}

/** Reads the configuration from environment variables (see README "Configuration"). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.XINYONG_DATA_DIR ?? './data');
  const port = intFrom(env, 'PORT', 8080);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    secretKeyHex: env.XINYONG_SECRET_KEY || undefined,
    calendarDir: path.resolve(env.XINYONG_CALENDAR_DIR ?? path.join(dataDir, 'calendar')),
    logLevel: env.LOG_LEVEL ?? 'info',
    maxUploadBytes: intFrom(env, 'XINYONG_MAX_UPLOAD_BYTES', 512 * 1024 * 1024),
    publicBaseUrl: publicUrlFrom(env.XINYONG_PUBLIC_URL, port),
    sweepIntervalSeconds: intFrom(env, 'XINYONG_SWEEP_INTERVAL_SECONDS', 300),
    webhookIntervalSeconds: intFrom(env, 'XINYONG_WEBHOOK_INTERVAL_SECONDS', 5),
    dueProcess: deadlinesFrom(env),
  };
}
