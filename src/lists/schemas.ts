import { Type, type Static } from 'typebox';

/** The court sync's answer (HTTP and CLI): counts, refused rows, timings. */
export const CourtSyncSummarySchema = Type.Object({
  mode: Type.Union([Type.Literal('snapshot'), Type.Literal('delta')]),
  format: Type.Union([Type.Literal('jsonl'), Type.Literal('csv'), Type.Null()]),
  rows: Type.Integer({ description: '文件中的数据行数' }),
  new: Type.Integer({ description: '新纳入' }),
  changed: Type.Integer({ description: '内容变更' }),
  revoked: Type.Integer({ description: '撤销（移出）' }),
  unchanged: Type.Integer({ description: '未变' }),
  rejected: Type.Integer({ description: '拒收行数' }),
  errors: Type.Array(
    Type.Object({
      rowNo: Type.Integer(),
      caseCode: Type.Union([Type.String(), Type.Null()]),
      code: Type.String(),
      message: Type.String(),
    }),
    { description: '拒收的行（最多 1000 行）' },
  ),
  errorsTruncated: Type.Boolean(),
  tasksOpened: Type.Integer({ description: '发起的联合惩戒任务' }),
  tasksCancelled: Type.Integer({ description: '随名单撤销而取消的任务' }),
  seconds: Type.Object({ stage: Type.Number(), diff: Type.Number(), apply: Type.Number(), total: Type.Number() }),
});
export type CourtSyncSummaryView = Static<typeof CourtSyncSummarySchema>;

export const CourtSyncQuerySchema = Type.Object({
  mode: Type.Union([Type.Literal('snapshot'), Type.Literal('delta')], { default: 'snapshot', description: 'snapshot：全量；delta：增量（每行 op 为 upsert 或 revoke）' }),
});
