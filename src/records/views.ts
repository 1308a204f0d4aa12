import type { TopicCategory } from '../catalog/vocabularies.js';

/**
 * What the website, the search results and the credit reports show of a subject and its records.
 * `scope` says which data items are included: 'public' = 社会公开 items of records inside their
 * publication window; 'shared' = also 政务共享 items (the subject's own fuller report, staff views).
 */
export type RecordScope = 'public' | 'shared';

/** Badges shown next to a subject: it has a current public record of a red / black / watch list topic. */
export type ListBadge = 'red' | 'black' | 'watch';

/** One identifier of a subject, as shown (personal numbers masked). */
export interface SubjectCodeView {
  kind: 'uscc' | 'org-code' | 'reg-no' | 'tax-no' | 'institution-cert' | 'social-org-cert' | 'resident-id' | 'other-id';
  value: string;
}

/** A subject's basic information (基础信息). */
export interface SubjectView {
  id: number;
  kind: 'enterprise' | 'individual_business' | 'public_institution' | 'social_organisation' | 'government' | 'natural_person' | 'other';
  name: string;
  uscc: string | null;
  codes: SubjectCodeView[];
  regionCode: string | null;
  /** 行政区划 name down to the county where known (福建省福州市鼓楼区). */
  regionName: string | null;
  /**
   * 登记状态 (存续, 吊销, 注销 …) from the newest current registration record (by 核准日期); null without
   * one. Natural persons never have one.
   */
  status: string | null;
  /** That registration record's items as the scope shows them, besides the identity shown above. */
  registration: RegistrationView | null;
  /** 法定代表人 / 负责人 name, when known. */
  legalRepName: string | null;
  /** Earlier names (曾用名), oldest first. */
  formerNames: string[];
  badges: ListBadge[];
}

/** What the newest registration record (市场主体登记信息) says of the subject: 成立日期, 注册资本, 住所 … */
export interface RegistrationView {
  recordId: number;
  topicName: string;
  departmentName: string;
  /** 核准日期, YYYY-MM-DD. */
  approvedOn: string | null;
  /** In the topic's item order; the subject's name, codes and category (shown above) left out. */
  fields: RecordFieldView[];
}

/** One data item of a record, in the topic's item order. */
export interface RecordFieldView {
  code: string;
  name: string;
  value: string;
}

/** One record as shown on the website and in reports; list entries (名单) are shown the same way. */
export interface RecordView {
  id: number;
  /** A credit record, an entry of a list, or a credit commitment (信用承诺; the id is then the entry's or the commitment's). */
  source?: 'record' | 'list_entry' | 'commitment';
  topicCode: string;
  topicName: string;
  category: TopicCategory;
  departmentName: string;
  /** YYYY-MM-DD */
  decisionDate: string | null;
  /** 决定文书号 (CF_WSH / XK_WSH …), when the topic has one. */
  documentNo: string | null;
  /** A one-line summary: 处罚类别 + 处罚内容, 许可证书名称, … */
  title: string;
  /** Last day the record is published (YYYY-MM-DD); null when open-ended. */
  publishUntil: string | null;
  fields: RecordFieldView[];
  /** 异议处理中: an objection to it was accepted and is not yet decided (credit records only; a list entry shows it as suspended). */
  underObjection?: boolean;
}

/** A group of records of one category; every category appears, possibly empty ("no record"). */
export interface RecordSection {
  category: TopicCategory;
  records: RecordView[];
}

/** A subject's credit record (主体信用档案) as of a moment, for one scope. */
export interface SubjectRecordView {
  subject: SubjectView;
  scope: RecordScope;
  /** ISO time the view was computed at (the clock's now). */
  asOf: string;
  sections: RecordSection[];
}
