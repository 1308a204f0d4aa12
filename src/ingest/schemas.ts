import { Type, type Static } from 'typebox';

/** TypeBox schemas of the ingest API (pure: the web app imports their types). */

const Completeness = Type.Object({ code: Type.String(), name: Type.String(), filled: Type.Integer(), rate: Type.Number() });

export const BatchSchema = Type.Object({
  id: Type.Integer(),
  department: Type.Object({ code: Type.String(), name: Type.String() }),
  topic: Type.Object({ code: Type.String(), name: Type.String(), version: Type.Integer() }),
  channel: Type.String(),
  format: Type.String(),
  fileName: Type.Union([Type.String(), Type.Null()]),
  fileBytes: Type.Union([Type.Integer(), Type.Null()]),
  fileSha256: Type.Union([Type.String(), Type.Null()]),
  encoding: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union([Type.Literal('processing'), Type.Literal('completed'), Type.Literal('failed'), Type.Literal('interrupted')]),
  submittedBy: Type.String(),
  receivedAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  totalRows: Type.Integer(),
  accepted: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
  late: Type.Integer(),
  completeness: Type.Array(Completeness),
  error: Type.Union([Type.Object({ code: Type.String(), message: Type.String() }), Type.Null()]),
});
export type BatchView = Static<typeof BatchSchema>;
