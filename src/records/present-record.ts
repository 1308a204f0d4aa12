import type { Disclosure, TopicCategory, TopicDefinition } from '../catalog/index.js';
import type { RecordFieldView, RecordScope, RecordView } from './views.js';

/** Which data items each scope shows: the public sees 社会公开 items, sharing adds 政务共享, staff see all. */
export const SCOPE_DISCLOSURES: Record<RecordScope | 'all', ReadonlySet<Disclosure>> = {
  public: new Set(['public']),
  shared: new Set(['public', 'shared']),
  all: new Set(['public', 'shared', 'authorised']),
};

const TITLE_LENGTH = 80;

function clip(text: string): string {
  return text.length > TITLE_LENGTH ? `${text.slice(0, TITLE_LENGTH - 1)}…` : text;
}

/** The record's document number: the first shown item whose code is a 文书号 (…_WSH). */
export function documentNumberOf(fields: readonly RecordFieldView[]): string | null {
  return fields.find((field) => field.code.endsWith('_WSH'))?.value ?? null;
}

/**
 * A one-line summary from the shown items only: 处罚类别：处罚内容 for penalties, the licence document's
 * name (or certificate) for licences, 违背信用承诺：承诺事项 for broken commitments, else the topic's name.
 */
export function titleOf(def: TopicDefinition, fields: readonly RecordFieldView[]): string {
  const value = (suffix: string) => fields.find((field) => field.code.endsWith(suffix))?.value;
  const penaltyType = value('_CFLB');
  if (penaltyType) {
    const content = value('_NR');
    return clip(content ? `${penaltyType}：${content}` : penaltyType);
  }
  const licence = value('_XKWS') ?? value('_XKZS');
  if (licence) return clip(licence);
  // 政务失信记录: 失信类型：失信事实.
  const dishonesty = value('_SXLX');
  if (dishonesty) {
    const facts = value('_SXSS');
    return clip(facts ? `${dishonesty}：${facts}` : dishonesty);
  }
  // 违背信用承诺: which promise was broken.
  const promised = value('_CNSX');
  if (promised) return clip(`${def.name}：${promised}`);
  return def.name;
}

/**
 * How stored enumeration codes read: a vocabulary whose aliases are words for its numeric codes (当前状态:
 * 有效 → '1') shows the word, not the code. A stored word is shown as it is: its aliases are only other
 * spellings accepted on input (吊销执照 → 吊销许可证件, 在营 → 存续), and the catalogue's JSON storage does
 * not keep their order, so none of them could be relied on as "the" label.
 */
const labelCache = new WeakMap<TopicDefinition, Map<string, Map<string, string>>>();

function enumLabels(def: TopicDefinition): Map<string, Map<string, string>> {
  let labels = labelCache.get(def);
  if (!labels) {
    labels = new Map();
    for (const item of def.items) {
      if (!item.enumAliases) continue;
      const byValue = new Map<string, string>();
      for (const [alias, value] of Object.entries(item.enumAliases)) {
        if (/^[0-9]+$/.test(value) && !/^[0-9]+$/.test(alias) && !byValue.has(value)) byValue.set(value, alias);
      }
      if (byValue.size > 0) labels.set(item.code, byValue);
    }
    labelCache.set(def, labels);
  }
  return labels;
}

export interface StoredRecord {
  id: number;
  category: string;
  department_name: string;
  decision_date: string | null;
  publish_until: string | null;
  data: Record<string, string>;
}

/** A stored record as shown in a scope, or undefined when the scope shows none of its items. */
export function presentRecord(def: TopicDefinition, row: StoredRecord, scope: RecordScope | 'all'): RecordView | undefined {
  const allowed = SCOPE_DISCLOSURES[scope];
  const labels = enumLabels(def);
  const fields: RecordFieldView[] = [];
  for (const item of def.items) {
    if (!allowed.has(item.disclosure)) continue;
    const value = row.data[item.code];
    if (value === undefined || value === '') continue;
    fields.push({ code: item.code, name: item.name, value: labels.get(item.code)?.get(value) ?? value });
  }
  if (fields.length === 0) return undefined;
  return {
    id: row.id,
    topicCode: def.code,
    topicName: def.name,
    category: row.category as TopicCategory,
    departmentName: row.department_name,
    decisionDate: row.decision_date,
    documentNo: documentNumberOf(fields),
    title: titleOf(def, fields),
    publishUntil: row.publish_until,
    fields,
  };
}
