import type { DataItem, TopicDefinition } from './schemas.js';
import {
  GOVERNMENT_DISHONESTY_TYPES,
  COMMITMENT_TYPE_NAMES,
  COMMITMENT_TYPES,
  ID_TYPES,
  LICENCE_STATE_ALIASES,
  LICENCE_STATES,
  LICENCE_TYPES,
  PENALTY_TYPE_ALIASES,
  PENALTY_TYPES,
  REGISTERED_CATEGORIES,
  REGISTRATION_STATUS_ALIASES,
  REGISTRATION_STATUSES,
  SUBJECT_CATEGORIES,
} from './vocabularies.js';

/**
 * The national 行政处罚 and 行政许可 topics with the field codes of the national collection template
 * (STANDARDS.md §2). Column names of import and export files are these codes.
 */

function text(code: string, name: string, required: boolean, extra: Partial<DataItem> = {}): DataItem {
  return { code, name, type: 'text', required, disclosure: 'public', maxLength: 2000, ...extra };
}

/** The 行政相对人 block, the same for both topics but for the prefix. */
function subjectItems(prefix: 'CF' | 'XK'): DataItem[] {
  return [
    text(`${prefix}_XDR_MC`, '行政相对人名称', true, { maxLength: 200, aliases: ['相对人名称'] }),
    {
      code: `${prefix}_XDR_LB`,
      name: '行政相对人类别',
      type: 'enum',
      required: true,
      enum: [...SUBJECT_CATEGORIES],
      enumAliases: { 法人: '法人及非法人组织', 法人及其他组织: '法人及非法人组织', 非法人组织: '法人及非法人组织' },
      disclosure: 'public',
    },
    { code: `${prefix}_XDR_SHXYM`, name: '统一社会信用代码', type: 'code', codeKind: 'uscc', required: false, disclosure: 'public' },
    { code: `${prefix}_XDR_GSZC`, name: '工商注册号', type: 'code', codeKind: 'reg-no', required: false, disclosure: 'public' },
    { code: `${prefix}_XDR_ZZJG`, name: '组织机构代码', type: 'code', codeKind: 'org-code', required: false, disclosure: 'public' },
    text(`${prefix}_XDR_SWDJ`, '税务登记号', false, { maxLength: 30 }),
    text(`${prefix}_XDR_SYDW`, '事业单位证书号', false, { maxLength: 30 }),
    text(`${prefix}_XDR_SHZZ`, '社会组织登记证号', false, { maxLength: 30 }),
    text(`${prefix}_FRDB`, '法定代表人', false, { maxLength: 50 }),
    {
      code: `${prefix}_FR_ZJLX`,
      name: '法定代表人证件类型',
      type: 'enum',
      required: false,
      enum: [...ID_TYPES],
      enumOpenPrefix: '其他-',
      disclosure: 'shared',
    },
    text(`${prefix}_FR_ZJHM`, '法定代表人证件号码', false, { maxLength: 30, personal: true, disclosure: 'authorised' }),
    {
      code: `${prefix}_XDR_ZJLX`,
      name: '证件类型',
      type: 'enum',
      required: false,
      enum: [...ID_TYPES],
      enumOpenPrefix: '其他-',
      disclosure: 'shared',
    },
    text(`${prefix}_XDR_ZJHM`, '证件号码', false, { maxLength: 30, personal: true, disclosure: 'authorised' }),
  ];
}

export const PENALTY_TOPIC: TopicDefinition = {
  code: 'XZCF',
  name: '行政处罚',
  category: 'penalty',
  description: '行政处罚决定信息，按“双公示”要求自作出决定之日起 7 个工作日内公示（国办发〔2015〕51号）。',
  items: [
    ...subjectItems('CF'),
    text('CF_WSH', '行政处罚决定书文号', true, { maxLength: 100 }),
    text('CF_WFXW', '违法行为类型', true, { maxLength: 500 }),
    text('CF_SY', '违法事实', true, { maxLength: 5000 }),
    text('CF_YJ', '处罚依据', true, { maxLength: 2000 }),
    {
      code: 'CF_CFLB',
      name: '处罚类别',
      type: 'enum',
      required: true,
      multiple: true,
      enum: [...PENALTY_TYPES],
      enumAliases: PENALTY_TYPE_ALIASES,
      disclosure: 'public',
    },
    text('CF_NR', '处罚内容', true, { maxLength: 4000 }),
    { code: 'CF_NR_FK', name: '罚款金额（万元）', type: 'amount', required: false, disclosure: 'public' },
    {
      code: 'CF_NR_WFFF',
      name: '没收违法所得、没收非法财物的金额（万元）',
      type: 'amount',
      required: false,
      disclosure: 'public',
    },
    text('CF_NR_ZKDX', '暂扣或吊销证照名称及编号', false, { maxLength: 200 }),
    { code: 'CF_JDRQ', name: '处罚决定日期', type: 'date', required: true, disclosure: 'public' },
    { code: 'CF_YXQ', name: '处罚有效期', type: 'date', required: true, disclosure: 'public' },
    { code: 'CF_GSJZQ', name: '公示截止期', type: 'date', required: false, disclosure: 'public' },
    text('CF_CFJG', '处罚机关', true, { maxLength: 200 }),
    { code: 'CF_CFJGDM', name: '处罚机关统一社会信用代码', type: 'code', codeKind: 'uscc', required: true, disclosure: 'public' },
    text('CF_SJLY', '数据来源单位', true, { maxLength: 200 }),
    { code: 'CF_SJLYDM', name: '数据来源单位统一社会信用代码', type: 'code', codeKind: 'uscc', required: true, disclosure: 'public' },
    text('BZ', '备注', false, { maxLength: 2000 }),
  ],
  businessKey: ['CF_WSH', 'CF_XDR_MC'],
  keyFields: ['CF_XDR_SHXYM', 'CF_FRDB', 'CF_WFXW', 'CF_SY', 'CF_YJ', 'CF_NR', 'CF_NR_FK', 'CF_YXQ', 'CF_GSJZQ'],
  subject: {
    name: 'CF_XDR_MC',
    category: 'CF_XDR_LB',
    uscc: 'CF_XDR_SHXYM',
    orgCode: 'CF_XDR_ZZJG',
    regNo: 'CF_XDR_GSZC',
    taxNo: 'CF_XDR_SWDJ',
    institutionCert: 'CF_XDR_SYDW',
    socialOrgCert: 'CF_XDR_SHZZ',
    idType: 'CF_XDR_ZJLX',
    idNumber: 'CF_XDR_ZJHM',
    legalRepName: 'CF_FRDB',
    legalRepIdType: 'CF_FR_ZJLX',
    legalRepIdNumber: 'CF_FR_ZJHM',
  },
  decisionDateItem: 'CF_JDRQ',
  publicationEndItem: 'CF_GSJZQ',
  timelinessWorkdays: 7,
  publication: { kind: 'severity-tiers', defaultSeverity: 'general' },
  sourceDepartments: [],
  submissionCycle: 'daily',
  acceptPilotChecksum: false,
};

export const LICENCE_TOPIC: TopicDefinition = {
  code: 'XZXK',
  name: '行政许可',
  category: 'licence',
  description: '行政许可决定信息，按“双公示”要求自作出决定之日起 7 个工作日内公示（国办发〔2015〕51号）。',
  items: [
    ...subjectItems('XK'),
    text('XK_XKWS', '行政许可决定文书名称', true, { maxLength: 200 }),
    text('XK_WSH', '行政许可决定文书号', true, { maxLength: 100, description: '没有文书号时填写许可编号' }),
    {
      code: 'XK_XKLB',
      name: '许可类别',
      type: 'enum',
      required: true,
      enum: [...LICENCE_TYPES],
      disclosure: 'public',
    },
    text('XK_XKZS', '许可证书名称', false, { maxLength: 200 }),
    text('XK_XKBH', '许可编号', false, { maxLength: 100 }),
    text('XK_NR', '许可内容', false, { maxLength: 4000 }),
    { code: 'XK_JDRQ', name: '许可决定日期', type: 'date', required: true, disclosure: 'public' },
    { code: 'XK_YXQZ', name: '有效期自', type: 'date', required: true, disclosure: 'public' },
    { code: 'XK_YXQZI', name: '有效期至', type: 'date', required: true, disclosure: 'public', description: '长期有效填 2099-12-31' },
    text('XK_XKJG', '许可机关', true, { maxLength: 200 }),
    { code: 'XK_XKJGDM', name: '许可机关统一社会信用代码', type: 'code', codeKind: 'uscc', required: true, disclosure: 'public' },
    {
      code: 'XK_ZT',
      name: '当前状态',
      type: 'enum',
      required: false,
      enum: [...LICENCE_STATES],
      enumAliases: LICENCE_STATE_ALIASES,
      disclosure: 'public',
      description: '1 有效，2 无效',
    },
    text('XK_LYDW', '数据来源单位', true, { maxLength: 200 }),
    { code: 'XK_LYDWDM', name: '数据来源单位统一社会信用代码', type: 'code', codeKind: 'uscc', required: true, disclosure: 'public' },
    text('BZ', '备注', false, { maxLength: 2000 }),
  ],
  businessKey: ['XK_WSH', 'XK_XDR_MC'],
  keyFields: ['XK_XDR_SHXYM', 'XK_FRDB', 'XK_XKZS', 'XK_XKBH', 'XK_NR', 'XK_YXQZI'],
  subject: {
    name: 'XK_XDR_MC',
    category: 'XK_XDR_LB',
    uscc: 'XK_XDR_SHXYM',
    orgCode: 'XK_XDR_ZZJG',
    regNo: 'XK_XDR_GSZC',
    taxNo: 'XK_XDR_SWDJ',
    institutionCert: 'XK_XDR_SYDW',
    socialOrgCert: 'XK_XDR_SHZZ',
    idType: 'XK_XDR_ZJLX',
    idNumber: 'XK_XDR_ZJHM',
    legalRepName: 'XK_FRDB',
    legalRepIdType: 'XK_FR_ZJLX',
    legalRepIdNumber: 'XK_FR_ZJHM',
  },
  decisionDateItem: 'XK_JDRQ',
  timelinessWorkdays: 7,
  validityEndItem: 'XK_YXQZI',
  publication: { kind: 'validity' },
  sourceDepartments: [],
  submissionCycle: 'daily',
  acceptPilotChecksum: false,
};

/**
 * 市场主体登记信息, submitted by the market regulation department: one record per approval (设立、变更、
 * 吊销、注销 …), so the newest by 核准日期 gives the subject's registration status and basic information.
 * There is no national collection template for it: the DJ_ field codes are the platform's own, formed
 * like the national ones (pinyin initials of the item's name). Everything is 社会公开 (企业信息公示暂行条例
 * art. 6) except the legal representative's document, and records stay published: the registration
 * stands until a newer record says otherwise.
 */
export const REGISTRATION_TOPIC: TopicDefinition = {
  code: 'DJXX',
  name: '市场主体登记信息',
  category: 'basic',
  description: '市场主体的设立、变更、吊销、注销等登记信息，由市场监管部门报送；按核准日期取最新一条作为主体的登记状态和基础信息。',
  items: [
    text('DJ_ZTMC', '主体名称', true, { maxLength: 200, aliases: ['企业名称', '名称'] }),
    {
      code: 'DJ_ZTLB',
      name: '主体类别',
      type: 'enum',
      required: true,
      enum: [...REGISTERED_CATEGORIES],
      enumAliases: { 法人: '法人及非法人组织', 企业: '法人及非法人组织', 非法人组织: '法人及非法人组织', 个体户: '个体工商户' },
      disclosure: 'public',
    },
    { code: 'DJ_SHXYM', name: '统一社会信用代码', type: 'code', codeKind: 'uscc', required: false, disclosure: 'public' },
    { code: 'DJ_GSZC', name: '工商注册号', type: 'code', codeKind: 'reg-no', required: false, disclosure: 'public' },
    text('DJ_ZTLX', '主体类型', true, { maxLength: 100, aliases: ['企业类型', '类型'], description: '如 有限责任公司（自然人投资或控股）、个体工商户' }),
    text('DJ_FRDB', '法定代表人', false, { maxLength: 50, aliases: ['经营者', '负责人'], description: '个体工商户填经营者' }),
    {
      code: 'DJ_FR_ZJLX',
      name: '法定代表人证件类型',
      type: 'enum',
      required: false,
      enum: [...ID_TYPES],
      enumOpenPrefix: '其他-',
      disclosure: 'shared',
    },
    text('DJ_FR_ZJHM', '法定代表人证件号码', false, { maxLength: 30, personal: true, disclosure: 'authorised' }),
    { code: 'DJ_CLRQ', name: '成立日期', type: 'date', required: true, disclosure: 'public' },
    { code: 'DJ_ZCZB', name: '注册资本（万元）', type: 'amount', required: false, disclosure: 'public', aliases: ['注册资本', '资金数额（万元）'] },
    text('DJ_ZS', '住所', true, { maxLength: 300, aliases: ['经营场所', '主要经营场所'] }),
    text('DJ_JYFW', '经营范围', false, { maxLength: 4000 }),
    text('DJ_DJJG', '登记机关', true, { maxLength: 200 }),
    {
      code: 'DJ_DJZT',
      name: '登记状态',
      type: 'enum',
      required: true,
      enum: [...REGISTRATION_STATUSES],
      enumAliases: REGISTRATION_STATUS_ALIASES,
      disclosure: 'public',
      aliases: ['经营状态', '企业状态'],
    },
    { code: 'DJ_HZRQ', name: '核准日期', type: 'date', required: true, disclosure: 'public' },
    text('BZ', '备注', false, { maxLength: 2000 }),
  ],
  businessKey: ['DJ_ZTMC', 'DJ_SHXYM', 'DJ_HZRQ'],
  keyFields: ['DJ_SHXYM', 'DJ_FRDB', 'DJ_CLRQ', 'DJ_ZCZB', 'DJ_ZS', 'DJ_JYFW'],
  subject: {
    name: 'DJ_ZTMC',
    category: 'DJ_ZTLB',
    uscc: 'DJ_SHXYM',
    regNo: 'DJ_GSZC',
    legalRepName: 'DJ_FRDB',
    legalRepIdType: 'DJ_FR_ZJLX',
    legalRepIdNumber: 'DJ_FR_ZJHM',
  },
  decisionDateItem: 'DJ_HZRQ',
  statusItem: 'DJ_DJZT',
  // Published while the registration stands: no end item, so no end (see publicationEndOf).
  publication: { kind: 'validity' },
  sourceDepartments: [],
  submissionCycle: 'daily',
  acceptPilotChecksum: false,
};

/**
 * 政务失信记录 (government integrity, 国务院关于加强政务诚信建设的指导意见 国发〔2016〕76号): a government body's
 * broken contract, unpaid arrears to enterprises, unperformed court judgment, unkept investment promise or
 * public service commitment, as found by the body that judged it (the court, the credit centre, the
 * supervising department). Only government bodies (USCC 11…) may be its subject. Like the platform's
 * other own topics, the ZW_ codes are formed like the national ones. Published for 3 years from the
 * finding unless a 公示截止期 is given.
 */
export const GOVERNMENT_DISHONESTY_TOPIC: TopicDefinition = {
  code: 'ZWSX',
  name: '政务失信记录',
  category: 'other',
  description: '政府机构违约毁约、拖欠企业账款、不履行生效裁判、招商引资和政务服务承诺不兑现等政务失信行为，由认定单位报送；只收录政府机构（统一社会信用代码以 11 开头）。',
  items: [
    text('ZW_JGMC', '政府机构名称', true, { maxLength: 200, aliases: ['机构名称', '失信主体名称'] }),
    { code: 'ZW_SHXYM', name: '统一社会信用代码', type: 'code', codeKind: 'uscc', required: true, disclosure: 'public' },
    { code: 'ZW_SXLX', name: '失信类型', type: 'enum', required: true, enum: [...GOVERNMENT_DISHONESTY_TYPES], disclosure: 'public' },
    text('ZW_SXSS', '失信事实', true, { maxLength: 4000 }),
    text('ZW_RDYJ', '认定依据', true, { maxLength: 2000, description: '如 生效判决书文号、合同条款、承诺书' }),
    text('ZW_WSH', '认定文书号', false, { maxLength: 100 }),
    text('ZW_RDDW', '认定单位', true, { maxLength: 200 }),
    { code: 'ZW_RDDWDM', name: '认定单位统一社会信用代码', type: 'code', codeKind: 'uscc', required: false, disclosure: 'public' },
    { code: 'ZW_RDRQ', name: '认定日期', type: 'date', required: true, disclosure: 'public' },
    { code: 'ZW_SJJE', name: '涉及金额（万元）', type: 'amount', required: false, disclosure: 'public' },
    text('ZW_ZGQK', '整改情况', false, { maxLength: 2000 }),
    { code: 'ZW_GSJZQ', name: '公示截止期', type: 'date', required: false, disclosure: 'public' },
    text('BZ', '备注', false, { maxLength: 2000 }),
  ],
  businessKey: ['ZW_SHXYM', 'ZW_SXLX', 'ZW_RDRQ', 'ZW_RDDW'],
  keyFields: ['ZW_SHXYM', 'ZW_SXSS', 'ZW_RDYJ', 'ZW_WSH', 'ZW_SJJE'],
  subject: { name: 'ZW_JGMC', uscc: 'ZW_SHXYM' },
  decisionDateItem: 'ZW_RDRQ',
  publicationEndItem: 'ZW_GSJZQ',
  publication: { kind: 'months', months: 36 },
  sourceDepartments: [],
  submissionCycle: 'realtime',
  acceptPilotChecksum: false,
  subjectKinds: ['government'],
};

/**
 * 违背信用承诺: a broken credit commitment (STANDARDS.md §6), written by `commitments` when the accepting
 * department records the breach (one record per commitment, keyed by its number), and open to ordinary
 * submission like any topic. Dishonesty information of the 一般 tier: published for one year from the
 * 认定日期 unless a 公示截止期 is given; repair may be applied for after three months. The WY_ codes are
 * the platform's own, formed like the national ones (违约).
 */
export const BROKEN_COMMITMENT_TOPIC: TopicDefinition = {
  code: 'XYCN_WY',
  name: '违背信用承诺',
  category: 'commitment',
  description: '信用主体未履行其作出的信用承诺（告知承诺、容缺受理、主动承诺等），由受理承诺的部门认定后记入信用记录。',
  items: [
    text('WY_XDR_MC', '主体名称', true, { maxLength: 200 }),
    { code: 'WY_XDR_LB', name: '主体类别', type: 'enum', required: true, enum: [...SUBJECT_CATEGORIES], disclosure: 'public' },
    { code: 'WY_XDR_SHXYM', name: '统一社会信用代码', type: 'code', codeKind: 'uscc', required: false, disclosure: 'public' },
    text('WY_CNBH', '承诺编号', true, { maxLength: 40 }),
    { code: 'WY_CNLX', name: '承诺类型', type: 'enum', required: true, enum: COMMITMENT_TYPES.map((t) => COMMITMENT_TYPE_NAMES[t]), disclosure: 'public' },
    text('WY_CNSX', '承诺事项', true, { maxLength: 300 }),
    { code: 'WY_CNRQ', name: '承诺日期', type: 'date', required: true, disclosure: 'public' },
    text('WY_CNNR', '承诺内容', false, { maxLength: 4000, disclosure: 'shared' }),
    text('WY_WYQX', '违诺情形', true, { maxLength: 2000 }),
    { code: 'WY_RDRQ', name: '认定日期', type: 'date', required: true, disclosure: 'public' },
    text('WY_RDJG', '认定部门', true, { maxLength: 200 }),
    { code: 'WY_RDJGDM', name: '认定部门统一社会信用代码', type: 'code', codeKind: 'uscc', required: false, disclosure: 'public' },
    { code: 'WY_GSJZQ', name: '公示截止期', type: 'date', required: false, disclosure: 'public' },
    text('BZ', '备注', false, { maxLength: 2000 }),
  ],
  businessKey: ['WY_CNBH'],
  keyFields: ['WY_XDR_SHXYM', 'WY_CNLX', 'WY_CNSX', 'WY_WYQX', 'WY_RDJG'],
  subject: { name: 'WY_XDR_MC', category: 'WY_XDR_LB', uscc: 'WY_XDR_SHXYM' },
  decisionDateItem: 'WY_RDRQ',
  publicationEndItem: 'WY_GSJZQ',
  publication: { kind: 'severity-tiers', defaultSeverity: 'general' },
  sourceDepartments: [],
  submissionCycle: 'realtime',
  acceptPilotChecksum: false,
};

/** Topics every installation starts with. */
export const BUILTIN_TOPICS: readonly TopicDefinition[] = [PENALTY_TOPIC, LICENCE_TOPIC, REGISTRATION_TOPIC, GOVERNMENT_DISHONESTY_TOPIC, BROKEN_COMMITMENT_TOPIC];
