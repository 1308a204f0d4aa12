import { Type } from 'typebox';
import type { HttpApp } from '../http/types.js';
import { validateCode } from './validate-code.js';

const IssueSchema = Type.Object({
  code: Type.String(),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('info')]),
  message: Type.String(),
});

/** Response of code validation; `details` depends on the kind (authority, region, birth date …). */
export const CodeValidationSchema = Type.Object({
  valid: Type.Boolean(),
  kind: Type.Union([
    Type.Literal('uscc'),
    Type.Literal('org-code'),
    Type.Literal('reg-no'),
    Type.Literal('resident-id'),
    Type.Literal('unknown'),
  ]),
  normalized: Type.String(),
  issues: Type.Array(IssueSchema),
  details: Type.Record(Type.String(), Type.Unknown()),
});

/** `POST /codes/validate`. */
export function registerCodesRoutes(app: HttpApp): void {
  app.post(
    '/codes/validate',
    {
      schema: {
        tags: ['代码校验'],
        summary: '校验统一社会信用代码、组织机构代码、工商注册号或居民身份证号码',
        body: Type.Object({ code: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
        response: { 200: CodeValidationSchema },
      },
    },
    async (request) => {
      const result = validateCode(request.body.code);
      return { ...result, details: { ...result.details } };
    },
  );
}
