import type { TopicCategory } from '../catalog/vocabularies.js';
import type { RecordView, SubjectCodeView, SubjectRecordView, SubjectView } from '../records/views.js';
import { A4, COLOURS, CONTENT_WIDTH, MARGIN, PdfLayout, type Cell } from './pdf-layout.js';
import { formatBeijingTime, verifyUrl } from './report-identifiers.js';

/** What a report carries besides the record view: its identity and where it can be verified. */
export interface ReportMeta {
  number: string;
  verificationCode: string;
  issuedAt: Date;
  /** The website's public address; the QR code and the statement point at its /verify page. */
  publicBaseUrl: string;
  /** The credit centre issuing the report (信用中心), when one is registered. */
  issuerName: string | null;
}

export const REPORT_TITLE = '公共信用信息报告';
export const NO_RECORD_TEXT = '未查见相关记录。';

/** Report sections in their order, with the catalogue categories each one shows. */
const SECTIONS: { title: string; category: TopicCategory }[] = [
  { title: '行政许可信息', category: 'licence' },
  { title: '行政处罚信息', category: 'penalty' },
  { title: '红名单信息', category: 'red_list' },
  { title: '黑名单信息', category: 'black_list' },
  { title: '重点关注名单信息', category: 'watch_list' },
  { title: '信用承诺信息', category: 'commitment' },
  { title: '荣誉信息', category: 'honour' },
  { title: '司法信息', category: 'judicial' },
  { title: '其他信息', category: 'other' },
];

const SCOPE_NAMES = { public: '公开版', shared: '自查版（含政务共享信息）' } as const;

const KIND_NAMES: Record<SubjectView['kind'], string> = {
  enterprise: '企业法人及非法人组织',
  individual_business: '个体工商户',
  public_institution: '事业单位',
  social_organisation: '社会组织',
  government: '机关',
  natural_person: '自然人',
  other: '其他组织',
};

const CODE_NAMES: Record<SubjectCodeView['kind'], string> = {
  uscc: '统一社会信用代码',
  'org-code': '组织机构代码',
  'reg-no': '工商注册号',
  'tax-no': '税务登记号',
  'institution-cert': '事业单位证书号',
  'social-org-cert': '社会组织登记证号',
  'resident-id': '身份证号码',
  'other-id': '其他证件号码',
};

const BADGE_NAMES = { red: '红名单', black: '黑名单', watch: '重点关注名单' } as const;

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三'];

// The 行政相对人 block of the national templates (XK_/CF_ + XDR_*, FRDB, FR_*) repeats the subject's
// basic information in every record; the report shows it once, in 基础信息. So does the identity of a
// registration record (DJ_ZTMC, DJ_ZTLB, DJ_SHXYM, DJ_GSZC).
const SUBJECT_BLOCK = /^[A-Z]+_(XDR_|FRDB$|FR_)|^DJ_(ZTMC|ZTLB|SHXYM|GSZC)$/;

// Tables have two label–value pairs a row; a long value takes a whole row.
const LABEL_WIDTH = 116;
const LABEL_SIZE = 8.5;
const HALF_VALUE_WIDTH = CONTENT_WIDTH / 2 - LABEL_WIDTH;
const VALUE_WIDTH = CONTENT_WIDTH - LABEL_WIDTH;
const TABLE_SIZE = 9;

/**
 * Renders a subject's credit record as the PDF credit report (A4, Noto Sans SC embedded as a subset):
 * title, number, time of issue and scope, basic information, one section per category in a fixed
 * order ("no record" when empty), the statement of sources and limits, a QR code to the verification
 * page with the verification code, and 第 X 页 / 共 Y 页 on every page. The report number and
 * verification code are also written into the file's metadata, where verification of an uploaded
 * file finds them. Personal numbers appear only as the view gives them (masked).
 */
export async function renderReportPdf(view: SubjectRecordView, meta: ReportMeta): Promise<Buffer> {
  const scopeName = SCOPE_NAMES[view.scope];
  const layout = new PdfLayout({
    Title: `${REPORT_TITLE}（${view.subject.name}）`,
    Author: meta.issuerName ?? '公共信用信息平台',
    Subject: `报告编号 ${meta.number}；${scopeName}`,
    Keywords: `信用报告, ${meta.number}`,
    Creator: 'Xinyong 公共信用信息平台',
    Producer: 'Xinyong',
    CreationDate: meta.issuedAt,
    ReportNumber: meta.number,
    VerificationCode: meta.verificationCode,
  });

  drawCover(layout, view, meta, scopeName);
  let numeral = 0;
  drawSectionTitle(layout, `${NUMERALS[numeral++]}、基础信息`, null);
  drawBasicInformation(layout, view.subject);
  // The registration record the basic information already shows is not repeated; earlier ones are listed.
  const basicRecords = recordsOf(view, 'basic').filter((record) => record.id !== view.subject.registration?.recordId);
  if (basicRecords.length > 0) drawRecords(layout, '基础信息', basicRecords, view.subject);
  for (const section of SECTIONS) {
    const records = recordsOf(view, section.category);
    drawSectionTitle(layout, `${NUMERALS[numeral++]}、${section.title}`, records.length);
    if (records.length === 0) drawNoRecord(layout);
    else drawRecords(layout, section.title, records, view.subject);
  }
  drawStatement(layout, view, meta, NUMERALS[numeral]!);
  drawPageFurniture(layout, meta);
  return layout.toBuffer();
}

function recordsOf(view: SubjectRecordView, category: TopicCategory): RecordView[] {
  return view.sections.filter((section) => section.category === category).flatMap((section) => section.records);
}

function drawCover(layout: PdfLayout, view: SubjectRecordView, meta: ReportMeta, scopeName: string): void {
  const { doc } = layout;
  layout.y = MARGIN.top + 6;
  if (meta.issuerName) layout.paragraph(meta.issuerName, { size: 12, align: 'center', colour: COLOURS.muted, gap: 6 });
  doc.font('B').fontSize(24).fillColor(COLOURS.accent);
  doc.text(REPORT_TITLE, MARGIN.left, layout.y, { width: CONTENT_WIDTH, align: 'center', characterSpacing: 6 });
  layout.y += 38;
  layout.paragraph(`（${scopeName}）`, { size: 12, align: 'center', colour: COLOURS.accent, gap: 18 });

  // The identity box: facts of the report on the left, QR code and verification code on the right.
  const top = layout.y;
  const boxHeight = 132;
  const qrSize = 92;
  const qrX = MARGIN.left + CONTENT_WIDTH - qrSize - 14;
  doc.lineWidth(0.8).strokeColor(COLOURS.accent).rect(MARGIN.left, top, CONTENT_WIDTH, boxHeight).stroke();
  const facts: [string, string][] = [
    ['报告编号', meta.number],
    ['信用主体', view.subject.name],
    ['统一社会信用代码', view.subject.uscc ?? '—'],
    ['出具时间', formatBeijingTime(meta.issuedAt)],
    ['报告版本', scopeName],
    ['出具机构', meta.issuerName ?? '公共信用信息平台'],
  ];
  let y = top + 12;
  for (const [label, value] of facts) {
    doc.font('R').fontSize(9.5).fillColor(COLOURS.muted).text(`${label}：`, MARGIN.left + 14, y, { width: 96, lineBreak: false });
    doc
      .font(label === '报告编号' || label === '信用主体' ? 'B' : 'R')
      .fontSize(9.5)
      .fillColor(COLOURS.text)
      .text(value, MARGIN.left + 110, y, { width: qrX - MARGIN.left - 124, height: 14, ellipsis: true, lineBreak: false });
    y += 18.5;
  }
  layout.qrCode(verifyUrl(meta.publicBaseUrl, meta.number, meta.verificationCode), qrX, top + 6, qrSize);
  doc.font('R').fontSize(8).fillColor(COLOURS.muted).text('扫码核验报告真伪', qrX - 10, top + qrSize + 6, { width: qrSize + 20, align: 'center' });
  doc
    .font('B')
    .fontSize(9.5)
    .fillColor(COLOURS.text)
    .text(`验证码 ${meta.verificationCode}`, qrX - 14, top + qrSize + 18, { width: qrSize + 28, align: 'center', characterSpacing: 0.5 });
  layout.y = top + boxHeight + 20;
}

function drawSectionTitle(layout: PdfLayout, title: string, count: number | null): void {
  const { doc } = layout;
  // Keep a title with at least the first lines of what follows it.
  layout.ensure(70);
  layout.y += 4;
  doc.rect(MARGIN.left, layout.y + 1, 3.5, 14).fill(COLOURS.accent);
  doc.font('B').fontSize(12.5).fillColor(COLOURS.accent).text(title, MARGIN.left + 10, layout.y, { width: CONTENT_WIDTH - 100, lineBreak: false });
  if (count !== null) {
    doc
      .font('R')
      .fontSize(9)
      .fillColor(COLOURS.muted)
      .text(`共 ${count} 条`, MARGIN.left + CONTENT_WIDTH - 100, layout.y + 4, { width: 100, align: 'right', lineBreak: false });
  }
  layout.y += 20;
  layout.rule(COLOURS.accent, 0.8);
  layout.y += 8;
}

function labelCell(label: string): Cell {
  return { text: label, width: LABEL_WIDTH, size: LABEL_SIZE, fill: COLOURS.labelFill, colour: COLOURS.muted, continued: `${label}（续）` };
}

/** Label–value rows, two pairs to a table row when both are short enough for one line in half the width. */
function drawTable(layout: PdfLayout, rows: [string, string][], pairs = true): void {
  const lineHeight = layout.measure('字', 100, TABLE_SIZE);
  const short = ([label, value]: [string, string]) =>
    layout.measure(label, LABEL_WIDTH - 10, LABEL_SIZE) <= lineHeight && layout.measure(value, HALF_VALUE_WIDTH - 10, TABLE_SIZE) <= lineHeight;
  for (let i = 0; i < rows.length; i += 1) {
    const [label, value] = rows[i]!;
    const next = rows[i + 1];
    if (pairs && next && short(rows[i]!) && short(next)) {
      layout.row([labelCell(label), { text: value, width: HALF_VALUE_WIDTH }, labelCell(next[0]), { text: next[1], width: HALF_VALUE_WIDTH }], TABLE_SIZE);
      i += 1;
    } else {
      layout.row([labelCell(label), { text: value, width: VALUE_WIDTH }], TABLE_SIZE);
    }
  }
}

function drawBasicInformation(layout: PdfLayout, subject: SubjectView): void {
  const rows: [string, string][] = [
    [subject.kind === 'natural_person' ? '姓名' : '主体名称', subject.name],
    ['统一社会信用代码', subject.uscc ?? '—'],
  ];
  for (const code of subject.codes) {
    if (code.kind === 'uscc' && code.value === subject.uscc) continue;
    rows.push([CODE_NAMES[code.kind], code.value]);
  }
  rows.push(['主体类型', KIND_NAMES[subject.kind]]);
  rows.push(['所属地区（行政区划代码）', subject.regionCode ?? '—']);
  if (subject.kind !== 'natural_person') rows.push(['法定代表人（负责人）', subject.legalRepName ?? '—']);
  rows.push(['曾用名', subject.formerNames.length > 0 ? subject.formerNames.join('；') : '无']);
  if (subject.badges.length > 0) rows.push(['当前名单标识', subject.badges.map((badge) => BADGE_NAMES[badge]).join('、')]);
  drawTable(layout, rows);
  // One to a row: the region by name, then the newest registration record's items (成立日期, 注册资本, 住所,
  // 登记机关, 登记状态 …; 住所 and 经营范围 are long), or its status alone when the scope shows none of them.
  const more: [string, string][] = [];
  if (subject.regionName) more.push(['所属地区', subject.regionName]);
  if (subject.registration) for (const field of subject.registration.fields) more.push([field.name, field.value]);
  else if (subject.status) more.push(['登记状态', subject.status]);
  drawTable(layout, more, false);
  layout.y += 14;
}

function recordRows(record: RecordView, subject: SubjectView): [string, string][] {
  const rows: [string, string][] = [];
  if (record.documentNo) rows.push(['决定文书号', record.documentNo]);
  rows.push(['决定日期', record.decisionDate ?? '—']);
  rows.push(['来源部门', record.departmentName]);
  rows.push(['信息类别', record.topicName]);
  if (record.publishUntil) rows.push(['公示截止日期', record.publishUntil]);
  for (const field of record.fields) {
    if (SUBJECT_BLOCK.test(field.code) || field.value === '') continue;
    // Already shown above, under its own label.
    if (field.value === record.documentNo || field.value === record.decisionDate || field.value === subject.name) continue;
    rows.push([field.name, field.value]);
  }
  return rows;
}

function drawRecords(layout: PdfLayout, sectionTitle: string, records: RecordView[], subject: SubjectView): void {
  records.forEach((record, index) => {
    const rows = recordRows(record, subject);
    const head = `${index + 1}．${record.title || record.topicName}`;
    // Start a record on a new page rather than leave its heading alone at the foot of one.
    layout.ensure(layout.measure(head, CONTENT_WIDTH - 90, 10, true) + 8 + 3 * 20);
    drawRecordHead(layout, head, record.decisionDate);
    layout.withContinuation(
      () => drawRecordHead(layout, `${sectionTitle} · 第 ${index + 1} 条（续）`, null),
      () => {
        drawTable(layout, rows);
      },
    );
    layout.y += 10;
  });
}

function drawRecordHead(layout: PdfLayout, text: string, date: string | null): void {
  const { doc } = layout;
  const height = layout.measure(text, CONTENT_WIDTH - 90, 10, true) + 8;
  doc.rect(MARGIN.left, layout.y, CONTENT_WIDTH, height).fill(COLOURS.headFill);
  doc.font('B').fontSize(10).fillColor(COLOURS.text).text(text, MARGIN.left + 5, layout.y + 4, { width: CONTENT_WIDTH - 90, lineGap: 1.5 });
  if (date) doc.font('R').fontSize(9).fillColor(COLOURS.muted).text(date, MARGIN.left + CONTENT_WIDTH - 85, layout.y + 5, { width: 80, align: 'right', lineBreak: false });
  layout.y += height;
}

function drawNoRecord(layout: PdfLayout): void {
  layout.row([{ text: NO_RECORD_TEXT, width: CONTENT_WIDTH, fill: COLOURS.emptyFill, colour: COLOURS.muted, align: 'center' }], 9.5);
  layout.y += 14;
}

function drawStatement(layout: PdfLayout, view: SubjectRecordView, meta: ReportMeta, numeral: string): void {
  const issuer = meta.issuerName ?? '本平台';
  const lines = [
    `本报告由${issuer}依据公共信用信息平台归集的信息出具，信息由各数据来源单位报送（见各条记录的来源部门），反映截至出具时间平台所掌握的情况。`,
    view.scope === 'public'
      ? '本报告为公开版，仅包含公开属性为“社会公开”且处于公示期内的信息；已修复、已撤回或超过公示期限的信息不予展示。'
      : '本报告为自查版，除“社会公开”信息外，还包含公开属性为“政务共享”的信息，仅供信用主体本身查询使用，请勿对外公开或用于其他用途。',
    '“未查见相关记录”仅表示平台未归集到该类信息，不表明信用主体不存在相关情况。个人证件号码等敏感信息已作脱敏处理。',
    `本报告经平台电子签名（Ed25519）签发。扫描首页二维码，或访问 ${meta.publicBaseUrl}/verify 输入报告编号和验证码，可核验报告真伪；也可上传本 PDF 文件核验其是否被修改。对文件的任何修改都将导致核验不通过。`,
    '信用主体对报告内容有异议的，可向数据来源单位或平台提出异议申请；符合条件的失信信息可申请信用修复。',
  ];
  const height = lines.reduce((sum, line) => sum + layout.measure(line, CONTENT_WIDTH - 16, 9) + 4, 0);
  drawSectionTitle(layout, `${numeral}、报告说明`, null);
  layout.ensure(height);
  lines.forEach((line, index) => {
    layout.paragraph(`${index + 1}．`, { size: 9, colour: COLOURS.muted, width: 16 });
    layout.y -= layout.measure('1', 16, 9);
    layout.paragraph(line, { size: 9, colour: COLOURS.muted, indent: 16, gap: 4 });
  });
  layout.y += 18;
  layout.paragraph(`出具机构：${meta.issuerName ?? '公共信用信息平台'}`, { size: 10, align: 'right', gap: 2 });
  layout.paragraph(`出具时间：${formatBeijingTime(meta.issuedAt)}`, { size: 10, align: 'right' });
  layout.paragraph('（本报告以下无正文）', { size: 9, align: 'center', colour: COLOURS.muted });
}

function drawPageFurniture(layout: PdfLayout, meta: ReportMeta): void {
  const { doc } = layout;
  layout.decoratePages((index, count) => {
    const headerY = 34;
    doc.font('R').fontSize(8.5).fillColor(COLOURS.muted);
    doc.text(`${REPORT_TITLE}${meta.issuerName ? ` · ${meta.issuerName}` : ''}`, MARGIN.left, headerY, { width: CONTENT_WIDTH / 2, lineBreak: false });
    doc.text(`报告编号：${meta.number}`, MARGIN.left + CONTENT_WIDTH / 2, headerY, { width: CONTENT_WIDTH / 2, align: 'right', lineBreak: false });
    doc.lineWidth(0.5).strokeColor(COLOURS.rule).moveTo(MARGIN.left, headerY + 15).lineTo(MARGIN.left + CONTENT_WIDTH, headerY + 15).stroke();

    const footerY = A4.height - 42;
    doc.lineWidth(0.5).strokeColor(COLOURS.rule).moveTo(MARGIN.left, footerY - 6).lineTo(MARGIN.left + CONTENT_WIDTH, footerY - 6).stroke();
    doc.font('R').fontSize(8.5).fillColor(COLOURS.muted);
    doc.text(`验证码 ${meta.verificationCode} · 核验：${meta.publicBaseUrl}/verify`, MARGIN.left, footerY, { width: CONTENT_WIDTH * 0.7, lineBreak: false });
    doc.text(`第 ${index + 1} 页 / 共 ${count} 页`, MARGIN.left + CONTENT_WIDTH * 0.7, footerY, { width: CONTENT_WIDTH * 0.3, align: 'right', lineBreak: false });
  });
}
