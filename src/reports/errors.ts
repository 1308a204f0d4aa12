import { defineErrors } from '../kernel/errors.js';

/** Errors of credit reports (信用报告) and their verification (报告核验). */
export const ReportErrors = defineErrors({
  // One answer for an unknown number and a wrong code, so report numbers cannot be probed.
  REPORT_NOT_FOUND: {
    status: 404,
    zh: '未找到编号与验证码相符的信用报告，请核对报告编号和验证码',
    en: 'No credit report matches this number and verification code',
  },
  REPORT_NOT_SUBJECT_ACCOUNT: {
    status: 403,
    zh: '只有信用主体账号登录后才能申请本主体的自查版信用报告',
    en: 'Only a signed-in subject account may request its own full credit report',
  },
  REPORT_NOT_PDF: {
    status: 400,
    zh: '上传的文件不是 PDF 文件，请上传平台出具的信用报告 PDF 原件',
    en: 'The uploaded file is not a PDF; upload the credit report PDF as issued',
  },
});
