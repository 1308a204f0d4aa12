import { defineErrors } from '../kernel/errors.js';

/** Errors that refuse a whole batch. Errors of single rows go to the batch's error report instead. */
export const IngestErrors = defineErrors({
  INGEST_UNKNOWN_COLUMNS: {
    status: 400,
    zh: '表头中的列「{columns}」不是数据主题「{topic}」的数据项，请使用该主题的导入模板',
    en: 'Columns "{columns}" are not data items of topic "{topic}"; use the topic template',
  },
  INGEST_MISSING_COLUMNS: {
    status: 400,
    zh: '缺少必填列：{columns}',
    en: 'Required columns missing: {columns}',
  },
  INGEST_DUPLICATE_COLUMN: {
    status: 400,
    zh: '列「{column}」在表头中出现了两次（第 {first} 列和第 {second} 列）',
    en: 'Column "{column}" appears twice (columns {first} and {second})',
  },
  INGEST_EMPTY_FILE: { status: 400, zh: '文件中没有数据行', en: 'The file has no data rows' },
  INGEST_UNKNOWN_FORMAT: {
    status: 400,
    zh: '无法识别文件格式「{name}」，请上传 CSV、XLSX 或 JSON 文件',
    en: 'Unrecognised file format "{name}"; upload CSV, XLSX or JSON',
  },
  INGEST_DEPARTMENT_NOT_FOUND: { status: 404, zh: '没有代码为「{department}」的部门', en: 'No department "{department}"' },
  INGEST_BATCH_NOT_FOUND: { status: 404, zh: '没有编号为 {batch} 的批次', en: 'No batch {batch}' },
  INGEST_NOT_ALLOWED_TOPIC: {
    status: 403,
    zh: '部门「{department}」不是数据主题「{topic}」的报送部门',
    en: 'Department "{department}" does not submit topic "{topic}"',
  },
});
