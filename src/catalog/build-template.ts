import ExcelJS from 'exceljs';
import type { DataItem, TopicDefinition } from './schemas.js';
import { DISCLOSURE_NAMES } from './vocabularies.js';

const TYPE_NAMES: Record<DataItem['type'], string> = {
  text: '文本',
  date: '日期（YYYY-MM-DD）',
  amount: '金额（万元，最多 6 位小数）',
  integer: '整数',
  enum: '枚举（下拉选择）',
  code: '代码',
};

/** The header a template shows for an item: its Chinese name, with `*` in front when required. */
export function templateHeader(item: DataItem): string {
  return `${item.required ? '*' : ''}${item.name}`;
}

/**
 * Builds a topic's Excel template: one header row (required items marked `*`, the field code in each
 * header's note), drop-down lists for enumerations, text-formatted code columns (so 18-character codes
 * are not turned into numbers), and a sheet explaining every item.
 */
export async function buildTemplate(def: TopicDefinition): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Xinyong';
  const sheet = book.addWorksheet(def.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  // Lists live on a hidden sheet: an inline list formula is limited to 255 characters.
  const lists = book.addWorksheet('取值列表', { state: 'veryHidden' });
  let listColumn = 0;

  sheet.columns = def.items.map((item) => ({
    header: templateHeader(item),
    key: item.code,
    width: Math.min(40, Math.max(12, item.name.length * 2 + 4)),
    style: item.type === 'code' || item.type === 'text' || item.type === 'date' ? { numFmt: '@' } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  def.items.forEach((item, index) => {
    const cell = header.getCell(index + 1);
    cell.note = `${item.code}${item.description ? `\n${item.description}` : ''}`;
    if (item.required) cell.font = { bold: true, color: { argb: 'FFC00000' } };
    if (item.type !== 'enum' || !item.enum) return;
    listColumn += 1;
    const values = [...item.enum, ...Object.keys(item.enumAliases ?? {}).filter((a) => !/^\d+$/.test(a) && a.length < 12)];
    values.forEach((value, row) => {
      lists.getCell(row + 1, listColumn).value = value;
    });
    const letter = lists.getColumn(listColumn).letter;
    const range = `'取值列表'!$${letter}$1:$${letter}$${item.enum.length}`;
    for (let row = 2; row <= 1001; row++) {
      sheet.getCell(row, index + 1).dataValidation = {
        type: 'list',
        // Multiple-valued items (处罚类别) may hold several values joined by ';', so only warn.
        allowBlank: !item.required,
        showErrorMessage: !item.multiple,
        errorStyle: item.multiple ? 'warning' : 'stop',
        error: `请从下拉列表中选择${item.name}`,
        formulae: [range],
      };
    }
  });

  const guide = book.addWorksheet('填报说明');
  guide.columns = [
    { header: '字段代码', key: 'code', width: 16 },
    { header: '字段名称', key: 'name', width: 30 },
    { header: '必填', key: 'required', width: 8 },
    { header: '类型', key: 'type', width: 26 },
    { header: '公开属性', key: 'disclosure', width: 10 },
    { header: '取值', key: 'values', width: 60 },
    { header: '说明', key: 'description', width: 40 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const item of def.items) {
    guide.addRow({
      code: item.code,
      name: item.name,
      required: item.required ? '是' : '否',
      type: TYPE_NAMES[item.type],
      disclosure: DISCLOSURE_NAMES[item.disclosure],
      values: item.enum?.join('、') ?? '',
      description: item.description ?? '',
    });
  }
  guide.addRow({});
  guide.addRow({ code: '说明', name: '第一行为表头，可使用中文名称（带或不带 *）或字段代码；从第二行起每行一条记录。' });
  guide.addRow({ code: '', name: `业务主键：${def.businessKey.join(' + ')}。同一主键再次报送且内容不同时，作为该记录的新版本保存。` });

  return Buffer.from(await book.xlsx.writeBuffer());
}
