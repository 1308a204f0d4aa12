import Papa from 'papaparse';
import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { AppError } from '../kernel/errors.js';
import { ListErrors } from './errors.js';
import { proposeEntryIn } from './propose-entry.js';
import * as repo from './repository.js';
import type { ProposeEntryInput } from './schemas.js';

/** The columns of a list file: Chinese headers (the template) or the API's field names. */
export const ENTRY_FILE_COLUMNS = [
  { key: 'listType', header: '名单类型代码', required: true },
  { key: 'name', header: '主体名称', required: true },
  { key: 'uscc', header: '统一社会信用代码', required: false },
  { key: 'code', header: '其他代码', required: false },
  { key: 'residentId', header: '身份证号码', required: false },
  { key: 'decisionNo', header: '决定文书号', required: false },
  { key: 'decisionDate', header: '决定日期', required: false },
  { key: 'reasons', header: '列入事由', required: true },
  { key: 'basis', header: '依据', required: false },
  { key: 'expiresOn', header: '有效期至', required: false },
  { key: 'sourceKey', header: '来源编号', required: false },
] as const;

const MAX_ROWS = 10_000;

export interface EntryFileError {
  row: number;
  code: string;
  message: string;
}

/**
 * Imports a department's listing decisions from a CSV file (UTF-8, header row): every row is proposed
 * (and, with `notify`, notified) in one transaction, or — if any row is wrong — none is, and the error
 * names each wrong row.
 */
export async function importEntries(ctx: AppContext, actor: Actor, csv: string, options: { notify: boolean }): Promise<{ imported: number; entryIds: number[] }> {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  const headers = parsed.meta.fields ?? [];
  const keyOf = new Map<string, string>();
  for (const column of ENTRY_FILE_COLUMNS) {
    const found = headers.find((h) => h.trim().replace(/^\*/, '') === column.header || h.trim() === column.key);
    if (found) keyOf.set(column.key, found);
    else if (column.required) throw new AppError(ListErrors.LIST_ENTRY_INVALID, { detail: `文件缺少“${column.header}”列` });
  }
  if (parsed.errors.length) throw new AppError(ListErrors.LIST_ENTRY_INVALID, { detail: `第 ${(parsed.errors[0]!.row ?? 0) + 2} 行：CSV 格式错误（${parsed.errors[0]!.message}）` });
  if (parsed.data.length === 0) throw new AppError(ListErrors.LIST_ENTRY_INVALID, { detail: '文件没有数据行' });
  if (parsed.data.length > MAX_ROWS) throw new AppError(ListErrors.LIST_ENTRY_INVALID, { detail: `一个文件最多 ${MAX_ROWS} 行` });

  const errors: EntryFileError[] = [];
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
      const entryIds: number[] = [];
      for (const [index, raw] of parsed.data.entries()) {
        const cell = (key: string) => {
          const header = keyOf.get(key);
          const value = header === undefined ? '' : (raw[header] ?? '').trim();
          return value === '' ? undefined : value;
        };
        const input: ProposeEntryInput = {
          listType: cell('listType') ?? '',
          subject: { name: cell('name') ?? '', uscc: cell('uscc'), code: cell('code'), residentId: cell('residentId') },
          decisionNo: cell('decisionNo'),
          decisionDate: cell('decisionDate'),
          reasons: cell('reasons') ?? '',
          basis: cell('basis'),
          expiresOn: cell('expiresOn'),
          sourceKey: cell('sourceKey'),
          notify: options.notify,
        };
        const missing = ENTRY_FILE_COLUMNS.filter((c) => c.required && cell(c.key) === undefined).map((c) => c.header);
        if (missing.length) {
          errors.push({ row: index + 2, code: 'LIST_ENTRY_INVALID', message: `缺少${missing.join('、')}` });
          continue;
        }
        // A savepoint per row: a wrong row is reported and the rows after it are still checked.
        try {
          entryIds.push(await repo.withSavepoint(trx, () => proposeEntryIn(ctx, trx, actor, input, 'file')));
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          errors.push({ row: index + 2, code: error.code, message: error.messageZh });
        }
      }
      if (errors.length) throw new AppError(ListErrors.LIST_FILE_INVALID, { count: errors.length }, { rows: errors.slice(0, 200) });
      await writeAudit(trx, at, actor, { action: 'list.entry.import', entityType: 'list_entry', detail: { count: entryIds.length, notify: options.notify } });
      return { imported: entryIds.length, entryIds };
  });
}
