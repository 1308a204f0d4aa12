import { Type, type Static } from 'typebox';

/** The schemas of credit reports, shared by the routes, the operations and the website's verification page. */

/** Largest PDF accepted for verification. */
export const MAX_VERIFY_UPLOAD_BYTES = 10 * 1024 * 1024;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const ReportScopeSchema = Type.Enum(['public', 'shared'], { description: 'public 公开版；shared 自查版（含政务共享信息）' });

export const ReportNumberSchema = Type.String({ pattern: '^[Xx][Yy][0-9]{14}$', description: '报告编号，如 XY20250616000001', maxLength: 16 });

export const VerificationCodeSchema = Type.String({ minLength: 4, maxLength: 32, pattern: '^[0-9A-Za-z -]+$', description: '报告上印的验证码' });

export const ReportVerificationSchema = Type.Object({
  authentic: Type.Boolean({ description: '报告真实有效（平台签名与存档文件均校验通过）' }),
  number: Type.String(),
  issuedAt: Type.String({ format: 'date-time' }),
  subjectName: Type.String(),
  scope: ReportScopeSchema,
  sha256: Type.String({ description: '报告 PDF 文件的 SHA-256 摘要（十六进制）' }),
  signatureValid: Type.Boolean({ description: '平台 Ed25519 签名校验通过' }),
});
export type ReportVerification = Static<typeof ReportVerificationSchema>;

export const ReportFileVerificationSchema = Type.Object({
  authentic: Type.Boolean({ description: '文件是平台出具且未被修改的信用报告' }),
  unchanged: Type.Boolean({ description: '文件与平台出具的原件逐字节一致' }),
  number: Nullable(Type.String()),
  issuedAt: Nullable(Type.String({ format: 'date-time' })),
  subjectName: Nullable(Type.String()),
  message: Type.String({ description: '核验结论（中文）' }),
});
export type ReportFileVerification = Static<typeof ReportFileVerificationSchema>;
