/** Shapes of the console's API answers. Access and catalogue types come from their modules' schemas. */
export type { ApiTokenView, CreatedApiToken, DepartmentView, UserView } from '../../../src/access/schemas.js';
export type { DataItem, Topic, TopicDefinition } from '../../../src/catalog/schemas.js';

export interface Batch {
  id: number;
  department: { code: string; name: string };
  topic: { code: string; name: string; version: number };
  channel: string;
  format: string;
  fileName: string | null;
  fileBytes: number | null;
  fileSha256: string | null;
  encoding: string | null;
  status: 'processing' | 'completed' | 'failed' | 'interrupted';
  submittedBy: string;
  receivedAt: string;
  finishedAt: string | null;
  totalRows: number;
  accepted: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  late: number;
  completeness: { code: string; name: string; filled: number; rate: number }[];
  error: { code: string; message: string } | null;
}

export interface RecordListItem {
  id: number;
  topicCode: string;
  topicName: string;
  subjectId: number;
  subjectName: string;
  departmentCode: string;
  departmentName: string;
  decisionDate: string | null;
  documentNo: string | null;
  version: number;
  isCurrent: boolean;
  title: string;
  status: 'active' | 'withdrawn';
  receivedAt: string;
  batchId: number | null;
  publishUntil: string | null;
}

export interface RecordDetail {
  record: RecordListItem & { fields: { code: string; name: string; value: string }[] };
  versions: { id: number; version: number; isCurrent: boolean; receivedAt: string; batchId: number | null; supersededAt: string | null }[];
}
