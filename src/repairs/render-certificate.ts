import { COLOURS, CONTENT_WIDTH, MARGIN, PdfLayout, type Cell } from '../reports/index.js';

export const CERTIFICATE_TITLE = '信用修复决定书';

/**
 * The basis a grant rests on (STANDARDS.md §3): dishonesty information graded 轻微 / 一般 / 严重 with
 * minimum and maximum publication periods, repair after the minimum; after repair 终止公示 and 停止共享.
 */
export const CERTIFICATE_LEGAL_BASIS =
  '依据国家发展改革委《信用修复管理办法》和国办发〔2025〕22号文件关于失信信息分级公示与信用修复的规定，失信信息公示满最短公示期、信用主体已纠正失信行为并作出信用修复承诺的，可予信用修复。信用修复后，相关失信信息终止公示、停止共享，信息本身依规留存。';

/** What one certificate says; every value already as printed (personal numbers masked). */
export interface CertificateContent {
  number: string;
  subjectName: string;
  /** 统一社会信用代码 or a masked ID number, with its label. */
  subjectCode: { label: string; value: string } | null;
  /** The repaired item: a record (title, 决定文书号, department, decision date) or a list entry. */
  target: { kind: '信用记录' | '名单条目'; title: string; documentNo: string | null; departmentName: string | null; decisionDate: string | null };
  effect: string;
  applicationId: number;
  filedOn: string;
  /** China date of the grant. */
  decidedOn: string;
  reasons: string;
  issuer: string;
}

const LABEL_WIDTH = 120;

function chineseDate(day: string): string {
  return `${day.slice(0, 4)}年${day.slice(5, 7)}月${day.slice(8, 10)}日`;
}

/**
 * Renders the one-page 信用修复决定书 (A4, Noto Sans SC subset, like the credit report): the certificate
 * number, the subject and its code, what was repaired and what stops, the decision date and reasons,
 * the legal basis, the issuer and how to check the number.
 */
export async function renderRepairCertificate(c: CertificateContent): Promise<Buffer> {
  const layout = new PdfLayout({
    Title: `${CERTIFICATE_TITLE}（${c.subjectName}）`,
    Author: c.issuer,
    Subject: `修复证书编号 ${c.number}`,
    Keywords: `信用修复, ${c.number}`,
    Creator: 'Xinyong 公共信用信息平台',
    Producer: 'Xinyong',
    CertificateNumber: c.number,
  });
  const { doc } = layout;
  layout.y = MARGIN.top + 10;
  layout.paragraph(c.issuer, { size: 13, align: 'center', colour: COLOURS.muted, gap: 8 });
  doc.font('B').fontSize(24).fillColor(COLOURS.accent);
  doc.text(CERTIFICATE_TITLE, MARGIN.left, layout.y, { width: CONTENT_WIDTH, align: 'center', characterSpacing: 6 });
  layout.y += 40;
  layout.paragraph(`修复证书编号：${c.number}`, { size: 11, align: 'center', colour: COLOURS.accent, gap: 20 });

  const row = (label: string, value: string) => {
    const cells: Cell[] = [
      { text: label, width: LABEL_WIDTH, bold: true, fill: COLOURS.labelFill },
      { text: value, width: CONTENT_WIDTH - LABEL_WIDTH },
    ];
    layout.row(cells, 10);
  };
  row('信用主体', c.subjectName);
  if (c.subjectCode) row(c.subjectCode.label, c.subjectCode.value);
  row('修复对象', c.target.kind);
  row(c.target.kind === '名单条目' ? '名单' : '信息内容', c.target.title);
  if (c.target.documentNo) row('决定文书号', c.target.documentNo);
  if (c.target.departmentName) row('认定部门', c.target.departmentName);
  if (c.target.decisionDate) row('原决定日期', c.target.decisionDate);
  row('申请编号', `${c.applicationId}（${c.filedOn} 提出）`);
  row('修复决定', `准予信用修复：${c.effect}`);
  row('决定日期', chineseDate(c.decidedOn));
  if (c.reasons) row('决定理由', c.reasons);

  layout.y += 16;
  layout.paragraph('依据', { size: 11, bold: true, colour: COLOURS.accent, gap: 4 });
  layout.paragraph(CERTIFICATE_LEGAL_BASIS, { size: 10, gap: 14 });
  layout.paragraph(
    `经审核，${c.subjectName}已纠正失信行为并履行相关义务，本中心决定准予信用修复。自决定之日起，上述信息在信用网站终止公示，并停止向有关部门和信用服务机构共享。`,
    { size: 10, gap: 30 },
  );
  layout.paragraph(c.issuer, { size: 11, align: 'right', gap: 4 });
  layout.paragraph(chineseDate(c.decidedOn), { size: 11, align: 'right', gap: 30 });
  layout.rule();
  layout.y += 8;
  layout.paragraph(`核验：本决定书的真实性可凭修复证书编号 ${c.number} 向${c.issuer}查询核实。`, { size: 8.5, colour: COLOURS.muted });
  return layout.toBuffer();
}
