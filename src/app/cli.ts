import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { validateCode } from '../codes/index.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { buildServer } from '../http/build-server.js';
import { submitBatch, WORKER_MIN_BYTES } from '../ingest/index.js';
import type { Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/errors.js';
import { sweepLists } from '../lists/index.js';
import { deliverOutbox } from '../measures/index.js';
import { rebuildSubjectStatus } from '../records/index.js';
import { courtFeedFile, syncCourtList } from '../lists/index.js';
import { rebuildSearchIndex } from '../subjects/index.js';
import { loadConfig } from './config.js';
import { createApp } from './create-app.js';
import { isDemoLoaded, loadDemo } from './load-demo.js';
import { startScheduler, type ScheduledJob } from './scheduler.js';

/** The operator running the CLI on the server acts as a platform admin, named after the OS user. */
function cliActor(): Actor {
  return { type: 'system', id: null, name: `cli:${os.userInfo().username}`, departmentId: null, roles: ['admin'] };
}

function fail(error: unknown): never {
  if (error instanceof AppError) {
    process.stderr.write(`错误 [${error.code}]：${error.messageZh}\n`);
  } else {
    process.stderr.write(`错误：${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
}

function databaseLabel(url: string | undefined, dataDir: string): string {
  if (!url) return `内嵌 PGlite（${path.join(dataDir, 'pglite')}）`;
  const parsed = new URL(url);
  return `PostgreSQL ${parsed.host}${parsed.pathname}`;
}

async function serve(options: { demoOnFirstRun?: boolean; port?: string }): Promise<void> {
  const config = loadConfig();
  if (options.port) config.port = Number(options.port);
  const ctx = await createApp(config);
  if (options.demoOnFirstRun && !(await isDemoLoaded(ctx))) {
    process.stdout.write('首次启动：正在生成演示城市数据（约需一两分钟）…\n');
    const { summary } = await loadDemo(ctx, { log: (line) => process.stdout.write(`  ${line}\n`) });
    process.stdout.write(`演示数据已就绪：${summary}\n`);
  }
  const app = await buildServer(ctx, { logger: { level: config.logLevel } });
  const scheduler = startScheduler(ctx, backgroundJobs(config), app.log);
  const close = async () => {
    await scheduler.stop();
    await app.close();
    await ctx.database.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  process.stdout.write(`信用平台已启动：http://localhost:${config.port}  数据库：${databaseLabel(config.databaseUrl, config.dataDir)}\n`);
}

/** The server's background work; a job with interval 0 is off. */
function backgroundJobs(config: ReturnType<typeof loadConfig>): ScheduledJob[] {
  const jobs: ScheduledJob[] = [];
  if (config.sweepIntervalSeconds > 0) jobs.push({ name: 'lists.sweep', everyMs: config.sweepIntervalSeconds * 1000, run: sweepLists });
  // Joint tasks to departments' own systems: a few seconds after they happen; retries are timed by the dispatcher.
  if (config.webhookIntervalSeconds > 0) jobs.push({ name: 'outbox.deliver', everyMs: config.webhookIntervalSeconds * 1000, run: (ctx) => deliverOutbox(ctx) });
  return jobs;
}

async function importFile(file: string, options: { dept: string; topic: string; format?: 'csv' | 'xlsx' | 'json'; quiet?: boolean }) {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    fail(new Error(`找不到文件 ${file}`));
  }
  const ctx = await createApp(loadConfig());
  const bar = new SingleBar({
    format: '导入 {bar} {percentage}% | 已读 {value}/{total} MB | {rows} 行',
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: true,
  });
  const showBar = !options.quiet && process.stderr.isTTY;
  const totalMb = Math.max(1, Math.round(stat.size / 1_048_576));
  if (showBar) bar.start(totalMb, 0, { rows: 0 });
  let readBytes = 0;
  let rows = 0;
  // Bytes are counted as the pipeline pulls them (a 'data' listener would start the stream flowing
  // before the pipeline reads, and the data would be lost).
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
      readBytes += (chunk as Buffer).length;
      if (showBar) bar.update(Math.round(readBytes / 1_048_576), { rows });
      yield chunk as Buffer;
    }
  }
  try {
    const report = await submitBatch(ctx, cliActor(), {
      departmentCode: options.dept,
      topicCode: options.topic,
      channel: 'cli',
      fileName: path.basename(file),
      ...(options.format ? { format: options.format } : {}),
      input: counted(),
      // The upload cap protects the HTTP server; an operator's local file is read as a stream whatever its size.
      limits: { maxBytes: Math.max(ctx.config.maxUploadBytes, stat.size) },
      worker: stat.size >= WORKER_MIN_BYTES,
      onProgress: (done) => {
        rows = done;
        if (showBar) bar.update(Math.round(readBytes / 1_048_576), { rows });
        // Without a terminal (cron, CI, a pipe) progress goes out as plain lines.
        else if (!options.quiet) process.stderr.write(`已处理 ${done} 行\n`);
      },
    });
    if (showBar) bar.update(totalMb, { rows: report.totalRows });
    if (showBar) bar.stop();
    const lines = [
      `批次 ${report.id} 已完成：共 ${report.totalRows} 行`,
      `  接收 ${report.accepted}（新增 ${report.created}，更新 ${report.updated}，未变 ${report.unchanged}），拒收 ${report.rejected}，警告 ${report.warnings}`,
      report.late > 0 ? `  双公示超时（超过规定工作日）${report.late} 条` : undefined,
      ...report.completeness.map((c) => `  关键字段「${c.name}」完整率 ${(c.rate * 100).toFixed(1)}%`),
      report.rejected > 0 ? `  错误报告：GET /api/v1/batches/${report.id}/errors.xlsx（或 errors.csv）` : undefined,
    ].filter(Boolean);
    process.stdout.write(lines.join('\n') + '\n');
    await ctx.database.close();
    // Exit 2 tells scripts the batch landed but some rows were refused.
    process.exit(report.rejected > 0 ? 2 : 0);
  } catch (error) {
    if (showBar) bar.stop();
    await ctx.database.close().catch(() => {});
    fail(error);
  }
}

async function courtSync(file: string, options: { delta?: boolean }) {
  try {
    fs.accessSync(file, fs.constants.R_OK);
  } catch {
    fail(new Error(`找不到文件 ${file}`));
  }
  const ctx = await createApp(loadConfig());
  try {
    const s = await syncCourtList(ctx, cliActor(), {
      mode: options.delta ? 'delta' : 'snapshot',
      source: courtFeedFile(file),
    });
    const lines = [
      `失信被执行人名单${s.mode === 'delta' ? '增量' : '全量'}同步完成：共 ${s.rows} 行（${s.format === 'csv' ? 'CSV' : 'JSON Lines'}），用时 ${s.seconds.total} 秒`,
      `  新纳入 ${s.new}，变更 ${s.changed}，撤销 ${s.revoked}，未变 ${s.unchanged}，拒收 ${s.rejected}`,
      `  联合惩戒任务：发起 ${s.tasksOpened}，取消 ${s.tasksCancelled}`,
      ...s.errors.slice(0, 20).map((e) => `  第 ${e.rowNo} 行${e.caseCode ? `（${e.caseCode}）` : ''} [${e.code}]：${e.message}`),
      s.rejected > 20 ? `  ……另有 ${s.rejected - 20} 行被拒收` : undefined,
    ].filter(Boolean);
    process.stdout.write(lines.join('\n') + '\n');
    await ctx.database.close();
    // Exit 2, as for import: the sync was applied but some rows were refused.
    process.exit(s.rejected > 0 ? 2 : 0);
  } catch (error) {
    await ctx.database.close().catch(() => {});
    fail(error);
  }
}

/** The `xinyong` command. */
export async function main(argv: string[]): Promise<void> {
  const program = new Command('xinyong').description('信用 — 公共信用信息共享平台').showHelpAfterError();

  program
    .command('serve')
    .description('启动平台（HTTP 服务）')
    .option('--demo-on-first-run', '数据库为空时先生成演示城市')
    .option('-p, --port <port>', '端口（默认取环境变量 PORT 或 8080）')
    .action((options) => serve(options).catch(fail));

  program
    .command('migrate')
    .description('执行数据库迁移')
    .action(async () => {
      const config = loadConfig();
      const database = await openDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl ? undefined : `${config.dataDir}/pglite` });
      try {
        const applied = await migrate(database);
        process.stdout.write(applied.length ? `已执行迁移：${applied.join('、')}\n` : '数据库已是最新\n');
      } finally {
        await database.close();
      }
    });

  program
    .command('import')
    .description('以部门身份导入一个文件（CSV / XLSX / JSON）')
    .requiredOption('--dept <code>', '报送部门代码')
    .requiredOption('--topic <code>', '数据主题代码，如 XZCF（行政处罚）、XZXK（行政许可）')
    .addOption(new Option('--format <format>', '文件格式（默认按扩展名和内容识别）').choices(['csv', 'xlsx', 'json']))
    .option('-q, --quiet', '不显示进度条')
    .argument('<file>', '要导入的文件')
    .action((file, options) => importFile(file, options).catch(fail));

  program
    .command('court-sync')
    .description('同步失信被执行人名单：全量（默认，文件中没有的案号视为撤销）或增量（--delta，每行 op 为 upsert 或 revoke）；JSON Lines 或 CSV')
    .option('--delta', '增量数据')
    .argument('<file>', '法院数据文件')
    .action((file, options) => courtSync(file, options).catch(fail));

  program
    .command('demo')
    .description('生成演示城市（部门、用户、主体、许可与处罚记录）')
    .action(async () => {
      const ctx = await createApp(loadConfig());
      try {
        const { summary } = await loadDemo(ctx, { log: (line) => process.stdout.write(`  ${line}\n`) });
        process.stdout.write(`演示数据已就绪：${summary}\n`);
      } finally {
        await ctx.database.close();
      }
    });

  program
    .command('search-index')
    .description('信用查询的索引：--rebuild 由主体及其曾用名重新计算（迁移后或索引疑似不一致时执行）')
    .requiredOption('--rebuild', '重建索引')
    .action(async () => {
      const ctx = await createApp(loadConfig());
      try {
        const result = await rebuildSearchIndex(ctx, cliActor());
        process.stdout.write(`信用查询索引已重建：${result.subjects} 个主体，${result.grams} 条二元组，用时 ${result.seconds} 秒\n`);
      } catch (error) {
        fail(error);
      } finally {
        await ctx.database.close();
      }
    });

  program
    .command('lists')
    .description('信用名单：sweep 立即记录到期移出、告知期满列入并执行名单规则（服务运行时每 5 分钟自动执行）')
    .argument('<action>', 'sweep')
    .action(async (action: string) => {
      if (action !== 'sweep') fail(new Error(`未知操作 ${action}，可用：sweep`));
      const ctx = await createApp(loadConfig());
      try {
        const r = await sweepLists(ctx);
        process.stdout.write(`名单已更新：到期移出 ${r.expired}，告知期满列入 ${r.activated}，规则预警 ${r.warned}，规则拟列入 ${r.proposedByRules}\n`);
      } catch (error) {
        fail(error);
      } finally {
        await ctx.database.close();
      }
    });

  program
    .command('subject-status')
    .description('主体登记状态：--rebuild 由登记信息记录重新计算全部主体的登记状态（恢复数据或修改目录的登记状态数据项后执行）')
    .requiredOption('--rebuild', '重新计算')
    .action(async () => {
      const ctx = await createApp(loadConfig());
      try {
        const result = await rebuildSubjectStatus(ctx, cliActor());
        process.stdout.write(`登记状态已重新计算：${result.subjects} 个主体，其中 ${result.changed} 个与记录不符并已更正\n`);
      } catch (error) {
        fail(error);
      } finally {
        await ctx.database.close();
      }
    });

  program
    .command('code')
    .description('校验并解释一个代码（统一社会信用代码、组织机构代码、工商注册号、居民身份证号码）')
    .argument('<code>')
    .action((code: string) => {
      const result = validateCode(code);
      process.stdout.write(JSON.stringify(result, null, 2) + '\n');
      process.exit(result.valid ? 0 : 1);
    });

  await program.parseAsync(argv);
}
