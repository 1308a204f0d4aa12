/**
 * Errors a clerk can get back from parsing an uploaded file. Each says what is wrong and where (row,
 * column, limit) in words a data clerk can act on. `{where}` is filled by the parser with a phrase such
 * as 第 12 行 C 列「CF_WSH」 or 第 12 条记录的字段「CF_WSH」, so one code serves CSV, XLSX and JSON.
 */
import { defineErrors } from '../../kernel/errors.js';

/** The parser error catalogue (codes are stable once released). */
export const ParseErrors = defineErrors({
  PARSE_FILE_TOO_LARGE: {
    status: 413,
    zh: '文件超过大小上限 {limit}，请拆分后分批上传',
    en: 'The file exceeds the size limit of {limit}; split it into several batches',
  },
  PARSE_TOO_MANY_ROWS: {
    status: 413,
    zh: '数据超过行数上限 {limit} 行（{where}超出），请拆分后分批上传',
    en: 'More than {limit} data rows ({where} is over the limit); split the file into several batches',
  },
  PARSE_TOO_MANY_COLUMNS: {
    status: 400,
    zh: '{where}有 {count} 列，超过上限 {limit} 列',
    en: '{where} has {count} columns, more than the limit of {limit}',
  },
  PARSE_CELL_TOO_LONG: {
    status: 400,
    zh: '{where}的内容有 {length} 个字符，超过单元格上限 {limit} 个字符',
    en: '{where} holds {length} characters, more than the limit of {limit} per cell',
  },
  PARSE_EMPTY_FILE: {
    status: 400,
    zh: '文件为空：没有找到表头行',
    en: 'The file is empty: no header row was found',
  },
  PARSE_ROW_TOO_MANY_CELLS: {
    status: 400,
    zh: '{where}有内容，但表头只有 {headerCount} 列；请删除表格右侧多余的内容，或为该列补上表头',
    en: '{where} has content but the header has only {headerCount} columns; remove the extra content or add a header for it',
  },
  PARSE_CSV_UNCLOSED_QUOTE: {
    status: 400,
    zh: '{where}以英文双引号开头，但直到文件结尾都没有对应的结束引号；请检查该单元格的引号是否成对',
    en: '{where} starts with a double quote that is never closed before the end of the file',
  },
  PARSE_CSV_QUOTED_CELL_TOO_LONG: {
    status: 400,
    zh: '{where}以英文双引号开头，到结束引号之前已超过 {limit} 个字符；通常是该单元格缺少结束引号，请检查引号是否成对',
    en: '{where} starts with a double quote and runs past {limit} characters without closing it; the closing quote is probably missing',
  },
  PARSE_CSV_BAD_QUOTE: {
    status: 400,
    zh: '{where}的引号格式错误：带引号的单元格在结束引号之后还有其他字符；单元格内的英文双引号应写成两个（""）',
    en: '{where} has a malformed quoted cell: characters follow the closing quote; a quote inside a cell must be doubled ("")',
  },
  PARSE_CSV_UNKNOWN_ENCODING: {
    status: 400,
    zh: '无法识别文件编码：内容既不是 UTF-8 也不是 GBK/GB18030 文本（第 {line} 行附近）；请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”后重新上传',
    en: 'Unrecognised text encoding: the content is neither UTF-8 nor GBK/GB18030 (near line {line}); save the file as "CSV UTF-8" and upload it again',
  },
  PARSE_CSV_UTF16: {
    status: 400,
    zh: '文件是 UTF-16 编码（Excel 的“Unicode 文本”格式），不受支持；请另存为“CSV UTF-8（逗号分隔）”后重新上传',
    en: 'The file is UTF-16 encoded ("Unicode text"), which is not supported; save it as "CSV UTF-8" and upload it again',
  },
  PARSE_CSV_BINARY: {
    status: 400,
    zh: '文件第 {line} 行附近含有空字符（NUL），不是文本格式的 CSV 文件；Excel 文件请以 .xlsx 格式上传',
    en: 'The file contains NUL bytes near line {line}: it is not a CSV text file; upload Excel workbooks as .xlsx',
  },
  PARSE_CSV_INVALID_BYTES: {
    status: 400,
    zh: '文件按 {encoding} 编码读取时，第 {line} 行附近有无法解码的字节；文件可能混用了多种编码或已损坏，请统一另存为“CSV UTF-8（逗号分隔）”后重新上传',
    en: 'Bytes near line {line} cannot be decoded as {encoding}: the file mixes encodings or is damaged; save it as "CSV UTF-8" and upload it again',
  },
  PARSE_XLSX_LEGACY: {
    status: 400,
    zh: '这是旧版 Excel 文件（.xls）或设置了打开密码的 Excel 文件，无法读取；请在 Excel 或 WPS 中取消密码并另存为 .xlsx 或 CSV 后重新上传',
    en: 'This is a legacy Excel file (.xls) or a password-protected workbook; remove the password and save it as .xlsx or CSV',
  },
  PARSE_XLSX_INVALID: {
    status: 400,
    zh: '不是有效的 Excel 文件（.xlsx）：{reason}',
    en: 'Not a valid Excel file (.xlsx): {reason}',
  },
  PARSE_XLSX_NO_SHEET: {
    status: 400,
    zh: 'Excel 文件中没有可读取的工作表',
    en: 'The workbook has no worksheet to read',
  },
  PARSE_XLSX_TOO_LARGE: {
    status: 413,
    zh: 'Excel 文件的 {part} 解压后有 {size}，超过上限 {limit}；请拆分后分批上传，或另存为 CSV 上传',
    en: 'The {part} of the workbook is {size} uncompressed, more than the limit of {limit}; split it or upload it as CSV',
  },
  PARSE_XLSX_SUSPICIOUS: {
    status: 413,
    zh: 'Excel 文件的 {part} 压缩比异常（{ratio} 倍，上限 {limit} 倍），疑似恶意构造的压缩包，已拒绝处理',
    en: 'The {part} of the workbook has an abnormal compression ratio ({ratio}x, limit {limit}x) and looks like a zip bomb',
  },
  PARSE_XLSX_NUMBER_PRECISION: {
    status: 400,
    zh: '{where}是 {digits} 位的数字 {value}，超出 Excel 能精确保存的范围，末尾数字已经丢失；请把该列设置为“文本”格式后重新录入（统一社会信用代码、证件号码等都应作为文本）',
    en: '{where} is the {digits}-digit number {value}, beyond what Excel stores exactly, so trailing digits are lost; format the column as text and enter the values again',
  },
  PARSE_XLSX_READ_FAILED: {
    status: 400,
    zh: '无法读取工作表「{sheet}」的内容：{detail}；请在 Excel 或 WPS 中打开后重新另存为 .xlsx',
    en: 'Cannot read worksheet "{sheet}": {detail}; open it in Excel and save it as .xlsx again',
  },
  PARSE_JSON_NOT_UTF8: {
    status: 400,
    zh: 'JSON 必须使用 UTF-8 编码，{where}含有非 UTF-8 字节',
    en: 'JSON must be UTF-8 encoded; {where} contains bytes that are not UTF-8',
  },
  PARSE_JSON_SYNTAX: {
    status: 400,
    zh: 'JSON 格式错误（{where}）：{detail}',
    en: 'Malformed JSON ({where}): {detail}',
  },
  PARSE_JSON_SHAPE: {
    status: 400,
    zh: 'JSON 的顶层必须是记录数组，或带有 records 数组的对象：{detail}',
    en: 'The JSON top level must be an array of records or an object with a "records" array: {detail}',
  },
  PARSE_JSON_RECORD_NOT_OBJECT: {
    status: 400,
    zh: '第 {index} 条记录是{actual}，不是对象；每条记录都应是“字段名: 值”形式的 JSON 对象',
    en: 'Record {index} is {actual}, not an object of field names and values',
  },
  PARSE_JSON_NESTED_VALUE: {
    status: 400,
    zh: '第 {index} 条记录的字段「{key}」的值是{actual}；字段值只能是字符串、数字、布尔值或 null',
    en: 'Field "{key}" of record {index} is {actual}; values must be strings, numbers, booleans or null',
  },
  PARSE_JSON_NUMBER_PRECISION: {
    status: 400,
    zh: '第 {index} 条记录的字段「{key}」是超过 15 位的整数 {value}，无法精确表示；代码、证件号码等请用字符串传递',
    en: 'Field "{key}" of record {index} is the integer {value}, too large to be exact; send codes and ID numbers as strings',
  },
  PARSE_JSON_FORBIDDEN_KEY: {
    status: 400,
    zh: '{where}含有不允许的字段名「{key}」',
    en: '{where} uses the forbidden field name "{key}"',
  },
  PARSE_JSON_TOO_DEEP: {
    status: 400,
    zh: 'JSON 嵌套超过 {limit} 层（{where}）',
    en: 'JSON is nested deeper than {limit} levels ({where})',
  },
  PARSE_JSON_RECORD_TOO_LARGE: {
    status: 400,
    zh: '{where}有 {size}，超过单条上限 {limit}',
    en: '{where} is {size}, more than the limit of {limit}',
  },
});
