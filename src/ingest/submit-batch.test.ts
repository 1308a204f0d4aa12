import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.js';
import {
  buildPenaltyRow,
  buildRegNo,
  buildResidentId,
  insertDepartment,
  PENALTY_CODES,
  streamOf,
  submitterOf,
  toCsv,
} from '../../test/factories.js';
import { AppError } from '../kernel/errors.js';
import { buildErrorReportCsv } from './build-error-report.js';
import { submitBatch, type SubmitBatchInput } from './submit-batch.js';

let ctx: TestContext;
let deptA: number;
let deptB: number;

beforeAll(async () => {
  ctx = await createTestContext({ now: '2025-06-16T02:00:00Z' });
  deptA = await insertDepartment(ctx.db, 'SCJG', '福州市市场监督管理局');
  deptB = await insertDepartment(ctx.db, 'STHJ', '福州市生态环境局');
});
afterAll(async () => ctx.dispose());

function submit(content: string | Buffer, extra: Partial<SubmitBatchInput> = {}, actor = submitterOf(deptA)) {
  return submitBatch(ctx, actor, {
    departmentCode: 'SCJG',
    topicCode: 'XZCF',
    channel: 'api',
    fileName: 'penalties.csv',
    input: streamOf(content),
    ...extra,
  });
}

async function countRecords(): Promise<number> {
  const row = await ctx.db.selectFrom('records').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function expectAppError(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe('submitBatch', () => {
  const person = buildResidentId({ birthDate: '1985-04-12', sex: 'M' });
  const rep = buildResidentId({ birthDate: '1970-01-20', sex: 'F' });
  const rows = [
    buildPenaltyRow({ CF_FR_ZJLX: '身份证', CF_FR_ZJHM: rep, CF_FRDB: '林秀英' }),
    buildPenaltyRow({ CF_CFLB: '1', CF_JDRQ: '2025/6/3' }),
    buildPenaltyRow({
      CF_XDR_MC: '王建国',
      CF_XDR_LB: '自然人',
      CF_XDR_SHXYM: '',
      CF_FRDB: '',
      CF_XDR_ZJLX: '身份证',
      CF_XDR_ZJHM: person,
    }),
  ];
  const invalid = [
    buildPenaltyRow({ CF_JDRQ: '2025-02-30' }),
    buildPenaltyRow({ CF_XDR_LB: '个体工商户' }),
    buildPenaltyRow({ CF_XDR_SHXYM: '', CF_XDR_LB: '自然人', CF_FRDB: '' }),
    buildPenaltyRow({ CF_NR_FK: '-3' }),
    buildPenaltyRow({ CF_CFLB: '罚金' }),
  ];

  it('stores valid rows with provenance and reports every rejected row with its row, column and reason', async () => {
    const report = await submit(toCsv([...rows, ...invalid]));
    expect(report).toMatchObject({ totalRows: 8, accepted: 3, created: 3, updated: 0, unchanged: 0, rejected: 5 });

    const stored = await ctx.db.selectFrom('records').selectAll().where('batch_id', '=', report.id).orderBy('source_row').execute();
    expect(stored.map((r) => r.source_row)).toEqual([2, 3, 4]);
    expect(stored[0]).toMatchObject({ department_id: deptA, version: 1, is_current: true, decision_date: '2025-06-10' });
    // Legacy 处罚类别 code 1 is stored in the current vocabulary; dates are normalised.
    expect(stored[1]?.data).toMatchObject({ CF_CFLB: '罚款', CF_JDRQ: '2025-06-03' });

    const errors = await ctx.db.selectFrom('batch_errors').selectAll().where('batch_id', '=', report.id).orderBy('row_no').execute();
    expect(errors.map((e) => [e.row_no, e.column_code, e.error_code])).toEqual([
      [5, 'CF_JDRQ', 'bad-date'],
      [6, 'CF_XDR_SHXYM', 'uscc-category-mismatch'],
      [7, 'CF_XDR_ZJLX', 'missing-id-type'],
      [7, 'CF_XDR_ZJHM', 'missing-id-number'],
      [8, 'CF_NR_FK', 'amount-negative'],
      [9, 'CF_CFLB', 'bad-enum'],
    ]);
    expect(errors[0]?.message).toContain('2025-02-30');

    const csv = (await buildErrorReportCsv(ctx.db, report.id)).toString('utf8');
    expect(csv.startsWith('\ufeff行号,列代码,列名称')).toBe(true);
    expect(csv).toContain('5,CF_JDRQ,处罚决定日期,2025-02-30,错误,bad-date');
  });

  it('keeps resident ID numbers only encrypted and masked, and links the legal representative', async () => {
    const dump = await sql<{ t: string }>`
      select string_agg(x::text, ' ') as t from (
        select row_to_json(r)::text as x from records r
        union all select row_to_json(i)::text from subject_identifiers i
        union all select row_to_json(s)::text from subjects s
        union all select row_to_json(e)::text from batch_errors e
        union all select row_to_json(a)::text from audit_log a) all_rows`.execute(ctx.db);
    const text = dump.rows[0]?.t ?? '';
    expect(text).not.toContain(person);
    expect(text).not.toContain(rep);

    const natural = await ctx.db.selectFrom('subjects').selectAll().where('name', '=', '王建国').executeTakeFirstOrThrow();
    expect(natural.kind).toBe('natural_person');
    const identifier = await ctx.db
      .selectFrom('subject_identifiers')
      .selectAll()
      .where('subject_id', '=', natural.id)
      .executeTakeFirstOrThrow();
    expect(identifier.kind).toBe('resident-id');
    expect(identifier.value_masked).toBe(`${person.slice(0, 10)}****${person.slice(14)}`);
    expect(ctx.crypto.decrypt(identifier.value_enc ?? '')).toBe(person);

    const company = await ctx.db.selectFrom('subjects').selectAll().where('uscc', '=', rows[0]?.CF_XDR_SHXYM ?? '').executeTakeFirstOrThrow();
    expect(company.kind).toBe('enterprise');
    expect(company.region_code).toBe('350102');
    const legalRep = await ctx.db.selectFrom('subjects').selectAll().where('id', '=', company.legal_rep_id ?? -1).executeTakeFirstOrThrow();
    expect(legalRep).toMatchObject({ kind: 'natural_person', name: '林秀英' });
  });

  it('treats a re-submission as unchanged, and a changed row as a new version keeping the old one', async () => {
    const before = await countRecords();
    const again = await submit(toCsv(rows));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(await countRecords()).toBe(before);

    const corrected = [{ ...rows[0]!, CF_NR_FK: '0.8', CF_NR: '警告，并处罚款人民币捌仟元整' }, rows[1]!];
    const changed = await submit(toCsv(corrected));
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const versions = await ctx.db
      .selectFrom('records')
      .select(['version', 'is_current', 'data', 'batch_id'])
      .where('business_key', 'like', `${rows[0]!.CF_WSH}%`)
      .orderBy('version')
      .execute();
    expect(versions.map((v) => [v.version, v.is_current, v.data.CF_NR_FK])).toEqual([
      [1, false, '0.5'],
      [2, true, '0.8'],
    ]);
    expect(versions[1]?.batch_id).toBe(changed.id);
  });

  it('reads GBK-encoded CSV, XLSX and JSON with Chinese headers alike', async () => {
    const gbkRows = [buildPenaltyRow({ CF_XDR_MC: '福州市鼓楼区老陈小吃店', CF_XDR_LB: '个体工商户', CF_XDR_SHXYM: '00000000000000000X', CF_XDR_GSZC: buildRegNo() })];
    const names = ['*行政相对人名称', '行政相对人类别', ...PENALTY_CODES.slice(2)];
    const gbk = iconv.encode(toCsv(gbkRows, PENALTY_CODES, names), 'gbk');
    const fromGbk = await submit(gbk);
    expect(fromGbk).toMatchObject({ created: 1, rejected: 0 });
    const batch = await ctx.db.selectFrom('batches').select('encoding').where('id', '=', fromGbk.id).executeTakeFirstOrThrow();
    expect(batch.encoding).toBe('gb18030');

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('行政处罚');
    sheet.addRow(PENALTY_CODES);
    const xlsxRow = buildPenaltyRow();
    sheet.addRow(PENALTY_CODES.map((code) => (code === 'CF_JDRQ' ? new Date('2025-06-09T00:00:00Z') : (xlsxRow[code] ?? ''))));
    const fromXlsx = await submit(Buffer.from(await book.xlsx.writeBuffer()), { fileName: 'penalties.xlsx' });
    expect(fromXlsx).toMatchObject({ created: 1, rejected: 0 });
    const stored = await ctx.db.selectFrom('records').select('decision_date').where('batch_id', '=', fromXlsx.id).executeTakeFirstOrThrow();
    expect(stored.decision_date).toBe('2025-06-09');

    const fromJson = await submit(JSON.stringify({ records: [buildPenaltyRow()] }), { fileName: 'penalties.json' });
    expect(fromJson).toMatchObject({ created: 1, rejected: 0 });
  });

  it('flags 双公示 records received later than 7 working days after the decision', async () => {
    // Received 2025-06-16 (Monday); 2025-06-03 is 8 working days earlier (Dragon Boat holiday on 2 June).
    const report = await submit(toCsv([buildPenaltyRow({ CF_JDRQ: '2025-06-03' }), buildPenaltyRow({ CF_JDRQ: '2025-06-06' })]));
    expect(report.late).toBe(1);
    const stored = await ctx.db.selectFrom('records').select(['timeliness_workdays', 'late']).where('batch_id', '=', report.id).orderBy('source_row').execute();
    expect(stored).toEqual([
      { timeliness_workdays: 9, late: true },
      { timeliness_workdays: 6, late: false },
    ]);
  });

  it('refuses a file whose header matches no catalogue item, and stores nothing', async () => {
    const before = await countRecords();
    const error = await expectAppError(submit('行政相对人名称,颜色\n某公司,红\n'), 'INGEST_UNKNOWN_COLUMNS');
    expect(error.messageZh).toContain('颜色');
    expect(await countRecords()).toBe(before);
    const failed = await ctx.db.selectFrom('batches').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ status: 'failed', error_code: 'INGEST_UNKNOWN_COLUMNS' });
  });

  it('stores nothing of a file that breaks after many good rows', async () => {
    const before = await countRecords();
    const good = Array.from({ length: 12_000 }, () => buildPenaltyRow());
    const broken = toCsv(good) + 'x,"unbalanced\n';
    await expect(submit(broken)).rejects.toBeInstanceOf(AppError);
    expect(await countRecords()).toBe(before);
  });

  it('prepares a file in a worker thread with the same outcome as on the main thread', async () => {
    const owner = buildResidentId({ birthDate: '1979-09-09', sex: 'M' });
    const good = Array.from({ length: 12_000 }, () => buildPenaltyRow());
    // Many rows about one enterprise with a legal representative, and a row that fails validation.
    const shared = { CF_XDR_MC: '福州工作线程测试有限公司', CF_XDR_SHXYM: good[0]?.CF_XDR_SHXYM ?? '', CF_FRDB: '林工', CF_FR_ZJLX: '身份证', CF_FR_ZJHM: owner };
    for (let i = 0; i < 30; i++) Object.assign(good[i * 7] as object, shared);
    const csv = toCsv([...good, { ...buildPenaltyRow(), CF_JDRQ: '2025-13-40' }]);

    const inWorker = await submit(csv, { worker: true });
    expect(inWorker).toMatchObject({ totalRows: 12_001, accepted: 12_000, created: 12_000, rejected: 1 });
    const onMain = await submit(csv);
    expect(onMain).toMatchObject({ totalRows: 12_001, unchanged: 12_000, created: 0, updated: 0, rejected: 1 });

    const owners = await ctx.db
      .selectFrom('records')
      .select((eb) => eb.fn.count<number>('subject_id').distinct().as('n'))
      .where('batch_id', '=', inWorker.id)
      .where(sql<boolean>`data->>'CF_XDR_MC' = '福州工作线程测试有限公司'`)
      .executeTakeFirstOrThrow();
    expect(Number(owners.n)).toBe(1);
    const errors = await ctx.db.selectFrom('batch_errors').select(['row_no', 'error_code']).where('batch_id', '=', inWorker.id).execute();
    expect(errors).toEqual([{ row_no: 12_002, error_code: 'bad-date' }]);
  });

  it('brings a worker thread\'s parse error back as the same AppError, storing nothing', async () => {
    const before = await countRecords();
    const broken = toCsv(Array.from({ length: 12_000 }, () => buildPenaltyRow())) + 'x,"unbalanced\n';
    const inWorker = await expectAppError(submit(broken, { worker: true }), 'PARSE_CSV_UNCLOSED_QUOTE');
    const onMain = await expectAppError(submit(broken), 'PARSE_CSV_UNCLOSED_QUOTE');
    expect(inWorker.messageZh).toBe(onMain.messageZh);
    await expectAppError(submit('名称,颜色\n甲,红\n', { worker: true }), 'INGEST_UNKNOWN_COLUMNS');
    expect(await countRecords()).toBe(before);
  });

  it('refuses rows duplicated inside one batch', async () => {
    const row = buildPenaltyRow();
    const report = await submit(toCsv([row, { ...row, CF_NR_FK: '9' }]));
    expect(report).toMatchObject({ created: 1, rejected: 1 });
    const error = await ctx.db.selectFrom('batch_errors').selectAll().where('batch_id', '=', report.id).executeTakeFirstOrThrow();
    expect(error).toMatchObject({ row_no: 3, error_code: 'duplicate-key' });
    expect(error.message).toContain('第 2 行');
  });

  it("lets a department submit only its own batches", async () => {
    await expectAppError(submit(toCsv([buildPenaltyRow()]), { departmentCode: 'STHJ' }), 'FORBIDDEN');
    await expectAppError(submit(toCsv([buildPenaltyRow()]), {}, { ...submitterOf(deptB), roles: ['reviewer'] }), 'FORBIDDEN');
  });

  it('writes audit rows and an outbox event in the batch transaction', async () => {
    const report = await submit(toCsv([buildPenaltyRow()]));
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'actor_name']).where('entity_type', '=', 'batch').where('entity_id', '=', String(report.id)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['batch.submit', 'batch.complete']);
    const event = await ctx.db.selectFrom('outbox').selectAll().where('topic', '=', 'batch.completed').where('entity_key', '=', String(report.id)).executeTakeFirstOrThrow();
    expect(event.payload).toMatchObject({ created: 1, department: 'SCJG', topic: 'XZCF' });
  });
});
