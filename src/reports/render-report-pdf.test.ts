import { describe, expect, it } from 'vitest';
import { pdfFonts, pdfPageCount, pdfText } from './pdf-tools.test-support.js';
import { NO_RECORD_TEXT, renderReportPdf, type ReportMeta } from './render-report-pdf.js';
import { readReportIdentity } from './read-report-identity.js';
import { buildEnterpriseRecordView, buildLargeRecordView, buildPenaltyView, buildSubjectView } from './test-fixtures.js';

const meta: ReportMeta = {
  number: 'XY20250616000042',
  verificationCode: 'K7M4P9QX',
  issuedAt: new Date('2025-06-16T02:00:00Z'),
  publicBaseUrl: 'https://credit.example.gov.cn',
  issuerName: '福州市公共信用信息中心',
};

// pdftotext keeps line breaks and may space out letter-spaced titles; compare without whitespace.
const squash = (text: string) => text.replace(/\s+/g, '');

describe('renderReportPdf', () => {
  it('renders a valid PDF whose text carries the number, the subject, its records and the no-record statement', async () => {
    const pdf = await renderReportPdf(buildEnterpriseRecordView(), meta);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = squash(pdfText(pdf));
    expect(text).toContain('公共信用信息报告');
    expect(text).toContain('福州市公共信用信息中心');
    expect(text).toContain('XY20250616000042');
    expect(text).toContain('福州榕鑫达食品贸易有限公司');
    expect(text).toContain('榕市监处罚〔2025〕118号');
    expect(text).toContain('严重违法失信名单');
    expect(text).toContain(squash(NO_RECORD_TEXT));
    expect(text).toContain('2025年06月16日10:00:00（北京时间）');
    expect(text).toContain('公开版');
    expect(text).toContain('验证码K7M4P9QX');
    expect(text).toContain('曾用名福州鑫达食品商行有限公司');
    // Sections in their fixed order.
    const order = ['基础信息', '行政许可信息', '行政处罚信息', '红名单信息', '黑名单信息', '重点关注名单信息', '信用承诺信息', '荣誉信息', '司法信息', '其他信息', '报告说明'];
    const positions = order.map((title) => text.indexOf(`、${title}`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('shows the region by name and the newest registration (status, 成立日期, 注册资本, 住所, 登记机关) in the basic information', async () => {
    const text = squash(pdfText(await renderReportPdf(buildEnterpriseRecordView(), meta)));
    const basic = text.slice(text.indexOf('、基础信息'), text.indexOf('、行政许可信息'));
    expect(basic).toContain('所属地区福建省福州市鼓楼区');
    for (const expected of ['登记状态存续', '成立日期2016-04-12', '注册资本（万元）500', '住所福建省福州市鼓楼区五四路128号', '登记机关福州市鼓楼区市场监督管理局']) {
      expect(basic).toContain(expected);
    }
    // Without the record's items (e.g. a scope that shows none), the status alone.
    const bare = buildEnterpriseRecordView();
    bare.subject = buildSubjectView({ registration: null, status: '注销' });
    expect(squash(pdfText(await renderReportPdf(bare, meta)))).toContain('登记状态注销');
  });

  it('embeds Noto Sans SC as subsets and keeps the file small', async () => {
    const pdf = await renderReportPdf(buildEnterpriseRecordView(), meta);
    const fonts = pdfFonts(pdf);
    expect(fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['NotoSansSC-Bold', 'NotoSansSC-Regular']);
    expect(fonts.every((font) => font.embedded && font.subset && /^[A-Z]{6}\+/.test(font.name))).toBe(true);
    expect(pdf.length).toBeLessThan(200_000);
  });

  it('numbers every page 第 X 页 / 共 Y 页 and breaks long tables across pages', async () => {
    const pdf = await renderReportPdf(buildLargeRecordView(120), meta);
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(10);
    const texts = pdfText(pdf).split('\f').filter((page) => page.trim() !== '');
    expect(texts).toHaveLength(pages);
    texts.forEach((page, i) => {
      expect(squash(page)).toContain(`第${i + 1}页/共${pages}页`);
      expect(squash(page)).toContain('报告编号：XY20250616000042');
    });
    // A record cut by a page break goes on under its heading, marked as continued.
    expect(squash(texts.join(''))).toMatch(/第\d+条（续）/);
  });

  it('splits a field taller than a page instead of losing it', async () => {
    // Characters found nowhere else in the report: counting them shows nothing was lost at the breaks.
    const long = '甲乙丙丁戊己庚辛壬癸'.repeat(360);
    const view = buildEnterpriseRecordView();
    const penalty = buildPenaltyView({ documentNo: '榕市监处罚〔2025〕999号' });
    penalty.fields = [...penalty.fields, { code: 'BZ', name: '备注', value: long }];
    view.sections = view.sections.map((section) => (section.category === 'penalty' ? { ...section, records: [penalty] } : section));
    const pdf = await renderReportPdf(view, meta);
    const pages = pdfText(pdf).split('\f');
    const carrying = pages.filter((page) => page.includes('甲'));
    expect(carrying.length).toBeGreaterThanOrEqual(2);
    expect(carrying.slice(1).every((page) => squash(page).includes('备注（续）'))).toBe(true);
    const text = squash(pages.join(''));
    expect(text.split('甲').length - 1).toBe(360);
    expect(text.split('癸').length - 1).toBe(360);
  });

  it('prints the scope of a subject\'s own fuller report', async () => {
    const pdf = await renderReportPdf(buildEnterpriseRecordView({ scope: 'shared' }), meta);
    const text = squash(pdfText(pdf));
    expect(text).toContain('自查版（含政务共享信息）');
    expect(text).toContain('政务共享');
  });

  it('shows personal numbers only as the view gives them, masked, and not the 行政相对人 block of each record', async () => {
    const view = buildEnterpriseRecordView({
      subject: buildSubjectView({ kind: 'individual_business', codes: [{ kind: 'resident-id', value: '350102********2315' }], uscc: null, badges: [] }),
    });
    const text = squash(pdfText(await renderReportPdf(view, meta)));
    expect(text).toContain('身份证号码350102********2315');
    expect(text).not.toContain('法定代表人证件号码');
    expect(text).not.toMatch(/\d{17}[\dX]/);
  });

  it('writes the number and verification code into the document information, where verification finds them', async () => {
    const pdf = await renderReportPdf(buildEnterpriseRecordView(), meta);
    expect(readReportIdentity(pdf)).toEqual({ number: 'XY20250616000042', code: 'K7M4P9QX' });
  });
});
