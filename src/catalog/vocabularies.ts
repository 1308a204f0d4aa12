/**
 * Shared vocabularies of the national collection templates (STANDARDS.md §2), defined once and used by
 * the catalogue, validation, the templates' drop-down lists and the web forms.
 */

/** 行政相对人类别. */
export const SUBJECT_CATEGORIES = ['法人及非法人组织', '自然人', '个体工商户'] as const;
export type SubjectCategory = (typeof SUBJECT_CATEGORIES)[number];

/** 处罚类别 (行政处罚法 2021 art. 9). */
export const PENALTY_TYPES = [
  '警告',
  '通报批评',
  '罚款',
  '没收违法所得',
  '没收非法财物',
  '暂扣许可证件',
  '降低资质等级',
  '吊销许可证件',
  '限制开展生产经营活动',
  '责令停产停业',
  '责令关闭',
  '限制从业',
  '行政拘留',
  '其他',
] as const;

/**
 * Legacy 处罚类别 codes and labels of older files, mapped to the current vocabulary. A legacy value may
 * stand for two current ones (2 → 没收违法所得 and 没收非法财物).
 */
export const PENALTY_TYPE_ALIASES: Record<string, string> = {
  '0': '警告',
  '1': '罚款',
  '2': '没收违法所得;没收非法财物',
  '3': '责令停产停业',
  '4': '暂扣许可证件;吊销许可证件',
  '5': '行政拘留',
  '6': '其他',
  '没收违法所得、没收非法财物': '没收违法所得;没收非法财物',
  '暂扣或者吊销许可证/执照': '暂扣许可证件;吊销许可证件',
  '暂扣或者吊销许可证、执照': '暂扣许可证件;吊销许可证件',
  '暂扣许可证': '暂扣许可证件',
  '吊销许可证': '吊销许可证件',
  '吊销执照': '吊销许可证件',
};

/** 许可类别. */
export const LICENCE_TYPES = ['普通', '特许', '认可', '核准', '登记', '其他'] as const;

/** 证件类型; besides these, `其他-<名称>` names any other document. */
export const ID_TYPES = ['身份证', '护照号', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '外国人永久居留身份证'] as const;

/** 当前状态 of a licence. */
export const LICENCE_STATES = ['1', '2'] as const;
export const LICENCE_STATE_ALIASES: Record<string, string> = { 有效: '1', 无效: '2' };

/**
 * 登记状态 of a market entity (市场主体登记管理条例 2021; the states 国家企业信用信息公示系统 shows), stored
 * and shown short: the labels registration systems export (存续（在营、开业、在册）, 吊销，未注销, 在业 …) are
 * accepted as aliases. Input is NFKC-normalised before the look-up, so the keys use half-width punctuation.
 */
export const REGISTRATION_STATUSES = ['存续', '吊销', '注销', '迁出', '撤销', '停业', '歇业', '其他'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const REGISTRATION_STATUS_ALIASES: Record<string, string> = {
  '存续(在营、开业、在册)': '存续',
  在营: '存续',
  开业: '存续',
  在册: '存续',
  在业: '存续',
  '吊销,未注销': '吊销',
  吊销未注销: '吊销',
};

/** 主体类别 of a registration: the market entities a registration authority registers (no natural persons). */
export const REGISTERED_CATEGORIES = ['法人及非法人组织', '个体工商户'] as const;

/** Kinds of credit subject, as identity resolution classifies them (the USCC's first two characters). */
export const SUBJECT_KINDS = ['enterprise', 'individual_business', 'public_institution', 'social_organisation', 'government', 'natural_person', 'other'] as const;
export type SubjectKindCode = (typeof SUBJECT_KINDS)[number];
export const SUBJECT_KIND_NAMES: Record<SubjectKindCode, string> = {
  enterprise: '企业',
  individual_business: '个体工商户',
  public_institution: '事业单位',
  social_organisation: '社会组织',
  government: '政府机构（机关）',
  natural_person: '自然人',
  other: '其他组织',
};

/** 政务失信 kinds (国发〔2016〕76号 and the 政务诚信 evaluation practice). */
export const GOVERNMENT_DISHONESTY_TYPES = ['政府违约毁约', '拖欠企业账款', '未履行生效裁判', '招商引资承诺未兑现', '政务服务承诺未履行', '其他政务失信行为'] as const;

/** Catalogue categories of topics. */
export const TOPIC_CATEGORIES = [
  'basic',
  'licence',
  'penalty',
  'red_list',
  'black_list',
  'watch_list',
  'judicial',
  'honour',
  'commitment',
  'other',
] as const;
export type TopicCategory = (typeof TOPIC_CATEGORIES)[number];

export const TOPIC_CATEGORY_NAMES: Record<TopicCategory, string> = {
  basic: '基础',
  licence: '许可',
  penalty: '处罚',
  red_list: '红名单',
  black_list: '黑名单',
  watch_list: '重点关注',
  judicial: '司法',
  honour: '荣誉',
  commitment: '承诺',
  other: '其他',
};

/** 公开属性. */
export const DISCLOSURES = ['public', 'shared', 'authorised'] as const;
export type Disclosure = (typeof DISCLOSURES)[number];
export const DISCLOSURE_NAMES: Record<Disclosure, string> = { public: '社会公开', shared: '政务共享', authorised: '授权查询' };

export const SUBMISSION_CYCLES = ['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly'] as const;
export const SUBMISSION_CYCLE_NAMES: Record<(typeof SUBMISSION_CYCLES)[number], string> = {
  realtime: '实时',
  daily: '每日',
  weekly: '每周',
  monthly: '每月',
  quarterly: '每季度',
  yearly: '每年',
};

/** 有效期至 meaning "long-term". */
export const LONG_TERM_DATE = '2099-12-31';

/**
 * 信用承诺 types (STANDARDS.md §6). 审批替代型 is the 告知承诺制 (a promise instead of a certificate);
 * it and 容缺受理 are the ones a subject on a serious list cannot use.
 */
export const COMMITMENT_TYPES = ['approval_substitute', 'tolerance', 'voluntary', 'industry', 'repair'] as const;
export type CommitmentTypeCode = (typeof COMMITMENT_TYPES)[number];
export const COMMITMENT_TYPE_NAMES: Record<CommitmentTypeCode, string> = {
  approval_substitute: '审批替代型（告知承诺）',
  tolerance: '容缺受理型',
  voluntary: '主动型',
  industry: '行业自律型',
  repair: '信用修复型',
};
/** 承诺编号: CN, the signing date, the commitment's id in six digits (CN20250616000042). */
export function commitmentNumber(id: number, signedOn: string): string {
  return `CN${signedOn.replace(/-/g, '')}${String(id).padStart(6, '0')}`;
}
/** What the record shows of a commitment's fulfilment (履约状态). */
export const COMMITMENT_STATUS_NAMES = { signed: '履约中', kept: '已履约', broken: '未履约（失信）', revoked: '已撤销' } as const;
