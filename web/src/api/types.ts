/** Shapes of the API's answers as the web app reads them. Record views come from the records module itself. */
export type { ListBadge, RecordFieldView, RecordSection, RecordView, SubjectRecordView, SubjectView } from '../../../src/records/views.js';
export type { RegistrationStatus, TopicCategory } from '../../../src/catalog/vocabularies.js';
export type { ListTypeView, PublicListEntry, PublicListPage } from '../../../src/lists/schemas.js';
import type { ListBadge, SubjectView } from '../../../src/records/views.js';

export type SubjectKind = SubjectView['kind'];

export interface Page<T> {
  total: number;
  page?: number;
  pageSize?: number;
  items: T[];
}

export interface PublicStats {
  subjects: number;
  records: number;
  publicationsThisMonth: number;
  departments: number;
}

export interface SearchHit {
  id: number;
  name: string;
  kind: SubjectKind;
  uscc: string | null;
  code: string | null;
  regionCode: string | null;
  regionName: string | null;
  /** 登记状态 (存续, 吊销, 注销 …); null without a registration record. */
  status: string | null;
  formerName: string | null;
  badges: ListBadge[];
}

export interface SearchResult extends Page<SearchHit> {
  totalIsLowerBound: boolean;
  page: number;
  pageSize: number;
}

export type PublicationKind = 'licence' | 'penalty';

export interface Publication {
  recordId: number;
  subjectId: number;
  subjectName: string;
  kind: PublicationKind;
  departmentCode: string;
  departmentName: string;
  decisionDate: string | null;
  documentNo: string | null;
  title: string;
}

export type ArticleChannel = 'news' | 'policy' | 'culture';
export const ARTICLE_CHANNELS: readonly ArticleChannel[] = ['news', 'policy', 'culture'];

export interface ArticleSummary {
  id: number;
  channel: ArticleChannel;
  title: string;
  summary: string;
  publishedAt: string | null;
  status?: 'draft' | 'published';
}

export interface Attachment {
  id: number;
  fileName: string;
  size: number;
}

export interface Article {
  id: number;
  channel: ArticleChannel;
  title: string;
  body: string;
  publishedAt: string | null;
  status?: 'draft' | 'published';
  attachments: Attachment[];
}

export interface VerifyByNumberResult {
  authentic: boolean;
  number: string;
  issuedAt: string | null;
  subjectName: string | null;
  scope: string | null;
  sha256: string | null;
  signatureValid: boolean;
}

export interface VerifyFileResult {
  authentic: boolean;
  unchanged: boolean;
  number: string | null;
  issuedAt: string | null;
  subjectName: string | null;
}

export type Role = 'admin' | 'submitter' | 'reviewer' | 'auditor' | 'subject';

/** Roles that may use the console (a subject account uses the website's /my). */
export const STAFF_ROLES: readonly Role[] = ['admin', 'submitter', 'reviewer', 'auditor'];

export interface DepartmentRef {
  id: number;
  code: string;
  name: string;
}

export interface Profile {
  type: 'user' | 'token';
  id: number;
  username: string | null;
  displayName: string;
  department: DepartmentRef | null;
  roles: Role[];
  subjectId?: number | null;
}

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: { id: number; username: string; displayName: string; department: DepartmentRef | null; roles: Role[] };
}
