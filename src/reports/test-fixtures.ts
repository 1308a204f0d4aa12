import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { RecordView, SubjectRecordView, SubjectView } from '../records/views.js';
import type { TopicCategory } from '../catalog/vocabularies.js';

/**
 * Record views of a realistic enterprise for report tests and the report benchmark: licences,
 * penalties, a black-list record, a commitment, and empty sections — shaped like what
 * `getSubjectRecord` produces (national field codes, masked personal numbers).
 */

const MARKET = '福州市市场监督管理局';
const MARKET_USCC = '11350100003594826T';

export function buildSubjectView(overrides: Partial<SubjectView> = {}): SubjectView {
  return {
    id: 1,
    kind: 'enterprise',
    name: '福州榕鑫达食品贸易有限公司',
    uscc: '91350102MA2Y7K3L4Q',
    codes: [
      { kind: 'uscc', value: '91350102MA2Y7K3L4Q' },
      { kind: 'reg-no', value: '350102100123456' },
    ],
    regionCode: '350102',
    regionName: '福建省福州市鼓楼区',
    status: '存续',
    registration: {
      recordId: 9001,
      topicName: '市场主体登记信息',
      departmentName: MARKET,
      approvedOn: '2021-06-08',
      fields: [
        field('DJ_ZTLX', '主体类型', '有限责任公司（自然人投资或控股）'),
        field('DJ_CLRQ', '成立日期', '2016-04-12'),
        field('DJ_ZCZB', '注册资本（万元）', '500'),
        field('DJ_ZS', '住所', '福建省福州市鼓楼区五四路 128 号'),
        field('DJ_JYFW', '经营范围', '食品销售；日用百货销售；货物进出口。（依法须经批准的项目，经相关部门批准后方可开展经营活动）'),
        field('DJ_DJJG', '登记机关', '福州市鼓楼区市场监督管理局'),
        field('DJ_DJZT', '登记状态', '存续'),
        field('DJ_HZRQ', '核准日期', '2021-06-08'),
      ],
    },
    legalRepName: '陈明',
    formerNames: ['福州鑫达食品商行有限公司'],
    badges: ['black'],
    ...overrides,
  };
}

let nextId = 1;

function field(code: string, name: string, value: string) {
  return { code, name, value };
}

export function buildPenaltyView(overrides: Partial<RecordView> & { serial?: number } = {}): RecordView {
  const serial = overrides.serial ?? nextId;
  const documentNo = overrides.documentNo ?? `榕市监处罚〔2025〕${100 + serial}号`;
  const decisionDate = overrides.decisionDate ?? '2025-03-18';
  const until = `${Number(decisionDate.slice(0, 4)) + 1}${decisionDate.slice(4)}`;
  return {
    id: nextId++,
    topicCode: 'XZCF',
    topicName: '行政处罚',
    category: 'penalty',
    departmentName: MARKET,
    decisionDate,
    documentNo,
    title: '警告;罚款：警告，并处罚款人民币伍仟元整',
    publishUntil: until,
    fields: [
      field('CF_XDR_MC', '行政相对人名称', '福州榕鑫达食品贸易有限公司'),
      field('CF_XDR_LB', '行政相对人类别', '法人及非法人组织'),
      field('CF_XDR_SHXYM', '统一社会信用代码', '91350102MA2Y7K3L4Q'),
      field('CF_FRDB', '法定代表人', '陈明'),
      field('CF_FR_ZJHM', '法定代表人证件号码', '350102********2315'),
      field('CF_WSH', '行政处罚决定书文号', documentNo),
      field('CF_WFXW', '违法行为类型', '销售超过保质期的食品'),
      field(
        'CF_SY',
        '违法事实',
        '经查，当事人于2025年1月至2月期间在其经营场所销售超过保质期的预包装食品（“鑫达”牌牛肉干）共计42袋，货值金额人民币1,260元，违法所得人民币315元。上述行为违反了《中华人民共和国食品安全法》第三十四条第（十）项的规定。',
      ),
      field('CF_YJ', '处罚依据', '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项'),
      field('CF_CFLB', '处罚类别', '警告;罚款'),
      field('CF_NR', '处罚内容', '警告，并处罚款人民币伍仟元整'),
      field('CF_NR_FK', '罚款金额（万元）', '0.5'),
      field('CF_JDRQ', '处罚决定日期', decisionDate),
      field('CF_YXQ', '处罚有效期', until),
      field('CF_CFJG', '处罚机关', MARKET),
      field('CF_CFJGDM', '处罚机关统一社会信用代码', MARKET_USCC),
      field('CF_SJLY', '数据来源单位', MARKET),
      field('CF_SJLYDM', '数据来源单位统一社会信用代码', MARKET_USCC),
    ],
    ...overrides,
  };
}

export function buildLicenceView(overrides: Partial<RecordView> = {}): RecordView {
  const id = nextId++;
  const documentNo = overrides.documentNo ?? `JY13501020${String(4000 + id).padStart(5, '0')}`;
  return {
    id,
    topicCode: 'XZXK',
    topicName: '行政许可',
    category: 'licence',
    departmentName: MARKET,
    decisionDate: '2024-11-05',
    documentNo,
    title: '食品经营许可证',
    publishUntil: null,
    fields: [
      field('XK_XDR_MC', '行政相对人名称', '福州榕鑫达食品贸易有限公司'),
      field('XK_XKWS', '行政许可决定文书名称', '食品经营许可决定书'),
      field('XK_WSH', '行政许可决定文书号', documentNo),
      field('XK_XKLB', '许可类别', '普通'),
      field('XK_XKZS', '许可证书名称', '食品经营许可证'),
      field('XK_XKBH', '许可编号', documentNo),
      field('XK_NR', '许可内容', '预包装食品（含冷藏冷冻食品）销售；散装食品（不含冷藏冷冻食品）销售'),
      field('XK_JDRQ', '许可决定日期', '2024-11-05'),
      field('XK_YXQZ', '有效期自', '2024-11-05'),
      field('XK_YXQZI', '有效期至', '2029-11-04'),
      field('XK_XKJG', '许可机关', '福州市鼓楼区市场监督管理局'),
      field('XK_ZT', '当前状态', '有效'),
      field('XK_LYDW', '数据来源单位', '福州市鼓楼区市场监督管理局'),
    ],
    ...overrides,
  };
}

export function buildListView(category: Extract<TopicCategory, 'red_list' | 'black_list' | 'watch_list' | 'commitment' | 'honour' | 'judicial' | 'other'>, overrides: Partial<RecordView> = {}): RecordView {
  const id = nextId++;
  const samples = {
    black_list: {
      topicCode: 'YZWFSX',
      topicName: '严重违法失信主体名单',
      departmentName: MARKET,
      documentNo: '榕市监列严〔2025〕7号',
      title: '列入严重违法失信名单：因同一性质违法行为受到行政处罚且情节严重',
      fields: [
        field('LR_YY', '列入原因', '因销售超过保质期的食品，一年内两次受到较重行政处罚'),
        field('LR_YJ', '列入依据', '《市场监督管理严重违法失信名单管理办法》第九条'),
        field('LR_RQ', '列入日期', '2025-04-02'),
        field('YC_TJ', '移出条件', '列入满一年且已履行行政处罚义务，可申请提前移出'),
      ],
    },
    red_list: {
      topicCode: 'ANSXR',
      topicName: 'A级纳税人名单',
      departmentName: '国家税务总局福州市税务局',
      documentNo: null,
      title: '2024 年度纳税信用 A 级纳税人',
      fields: [field('PJ_ND', '评价年度', '2024'), field('PJ_JG', '评价结果', 'A')],
    },
    watch_list: {
      topicCode: 'JYYC',
      topicName: '经营异常名录',
      departmentName: MARKET,
      documentNo: '榕鼓市监异〔2025〕31号',
      title: '列入经营异常名录：未按规定期限公示年度报告',
      fields: [field('LR_YY', '列入原因', '未依照规定的期限公示年度报告')],
    },
    commitment: {
      topicCode: 'XYCN',
      topicName: '信用承诺',
      departmentName: '福州市发展和改革委员会',
      documentNo: null,
      title: '审批替代型承诺：食品经营许可告知承诺',
      fields: [field('CN_NR', '承诺内容', '本单位承诺所提交材料真实有效，并在三个月内补齐相关材料'), field('CN_LX', '承诺类型', '审批替代型')],
    },
    honour: {
      topicCode: 'RY',
      topicName: '荣誉信息',
      departmentName: '福州市人民政府',
      documentNo: '榕政综〔2024〕12号',
      title: '福州市守合同重信用企业',
      fields: [field('RY_MC', '荣誉名称', '福州市守合同重信用企业')],
    },
    judicial: {
      topicCode: 'SXBZX',
      topicName: '失信被执行人',
      departmentName: '福州市中级人民法院',
      documentNo: '(2025)闽01执123号',
      title: '失信被执行人：有履行能力而拒不履行生效法律文书确定义务',
      fields: [field('DUTY', '生效法律文书确定的义务', '支付货款人民币 38,000 元')],
    },
    other: {
      topicCode: 'QT',
      topicName: '其他信息',
      departmentName: MARKET,
      documentNo: null,
      title: '其他信息',
      fields: [],
    },
  }[category];
  return {
    id,
    category,
    decisionDate: '2025-04-02',
    publishUntil: '2028-04-01',
    ...samples,
    ...overrides,
  };
}

/** A subject record with licences, penalties, a black-list record and empty sections (red list, honours, judicial, other). */
export function buildEnterpriseRecordView(overrides: Partial<SubjectRecordView> = {}): SubjectRecordView {
  return {
    subject: buildSubjectView(),
    scope: 'public',
    asOf: '2025-06-16T02:00:00.000Z',
    sections: [
      { category: 'basic', records: [] },
      { category: 'licence', records: [buildLicenceView(), buildLicenceView({ title: '公共场所卫生许可证', departmentName: '福州市鼓楼区卫生健康局', documentNo: '闽卫公证字〔2024〕第0102031号' })] },
      {
        category: 'penalty',
        records: [
          buildPenaltyView({ documentNo: '榕市监处罚〔2025〕118号' }),
          buildPenaltyView({ documentNo: '榕鼓市监处罚〔2024〕56号', decisionDate: '2024-09-02', title: '警告：警告' }),
        ],
      },
      { category: 'red_list', records: [] },
      { category: 'black_list', records: [buildListView('black_list')] },
      { category: 'watch_list', records: [] },
      { category: 'judicial', records: [] },
      { category: 'honour', records: [] },
      { category: 'commitment', records: [buildListView('commitment')] },
      { category: 'other', records: [] },
    ],
    ...overrides,
  };
}

/** A subject with `count` records spread over every category (report benchmark, page breaks). */
export function buildLargeRecordView(count: number): SubjectRecordView {
  const categories = ['licence', 'penalty', 'penalty', 'red_list', 'black_list', 'watch_list', 'commitment', 'honour', 'judicial', 'other'] as const;
  const byCategory = new Map<TopicCategory, RecordView[]>();
  for (let i = 0; i < count; i += 1) {
    const category = categories[i % categories.length]!;
    const record =
      category === 'licence' ? buildLicenceView() : category === 'penalty' ? buildPenaltyView({ documentNo: `榕市监处罚〔2025〕${1000 + i}号` }) : buildListView(category);
    byCategory.set(category, [...(byCategory.get(category) ?? []), record]);
  }
  const view = buildEnterpriseRecordView();
  return { ...view, sections: view.sections.map((section) => ({ category: section.category, records: byCategory.get(section.category) ?? [] })) };
}

/** Stores the subject of a view (reports reference their subject), returning the view with the new id. */
export async function storeSubjectOf(db: Kysely<DB>, view: SubjectRecordView): Promise<SubjectRecordView> {
  const now = new Date('2025-01-01T00:00:00Z');
  const row = await db
    .insertInto('subjects')
    .values({
      kind: view.subject.kind,
      name: view.subject.name,
      name_norm: view.subject.name,
      uscc: null,
      region_code: view.subject.regionCode,
      legal_rep_id: null,
      identity_uncertain: false,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ...view, subject: { ...view.subject, id: row.id } };
}
