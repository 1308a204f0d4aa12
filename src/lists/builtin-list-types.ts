import type { LegalBasis, ListKind } from '../db/schema.js';
import { LIST_CODES } from '../kernel/list-codes.js';

export { LIST_CODES };

/** A list type as the platform ships it and as the admin API takes it. */
export interface ListTypeDefinition {
  code: string;
  name: string;
  kind: ListKind;
  legalBasis: LegalBasis[];
  authority: string;
  /** The department code (e.g. `SCJG`) that lists, when it is one of the platform's departments. */
  authorityDepartmentCode?: string;
  criteria: string;
  exitConditions: string;
  remedies: string;
  /** Months an entry lasts; null: until the exit conditions are met. */
  defaultDurationMonths: number | null;
  /** Working days between notice and listing, for the subject to object (0: listed at once). */
  noticeWorkdays: number;
  serious: boolean;
  publishPersons: boolean;
  minorsExcluded: boolean;
}


const GUOBAN_2020_49: LegalBasis = {
  title: '国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见',
  docNo: '国办发〔2020〕49号',
};

/**
 * The national lists a city platform carries (国办发〔2020〕49号: each on a basis of law, regulation or a
 * central document, with published criteria, exit conditions and remedies). Durations and notice
 * periods are defaults a credit centre may edit; citations are the usual ones and worth a legal review
 * before go-live.
 */
export const BUILTIN_LIST_TYPES: readonly ListTypeDefinition[] = [
  {
    code: LIST_CODES.courtDishonest,
    name: '失信被执行人名单',
    kind: 'black',
    legalBasis: [
      { title: '中华人民共和国民事诉讼法', article: '第二百六十六条' },
      { title: '最高人民法院关于公布失信被执行人名单信息的若干规定', article: '第一条', docNo: '法释〔2017〕7号' },
    ],
    authority: '人民法院',
    authorityDepartmentCode: 'FY',
    criteria:
      '被执行人未履行生效法律文书确定的义务，并具有下列情形之一：有履行能力而拒不履行；以伪造证据、暴力、威胁等方法妨碍、抗拒执行；以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行；违反财产报告制度；违反限制消费令；无正当理由拒不履行执行和解协议。',
    exitConditions:
      '已履行全部义务，或与申请执行人达成和解并履行完毕，或人民法院依法撤销、屏蔽失信信息；纳入期限届满（一般二年，情节严重的可延长一至三年）。',
    remedies: '被执行人认为有错误的，可以向执行法院申请纠正；对决定不服的，可以向上一级人民法院申请复议。',
    defaultDurationMonths: 24,
    noticeWorkdays: 0,
    serious: true,
    publishPersons: true,
    minorsExcluded: true,
  },
  {
    code: LIST_CODES.seriousIllegal,
    name: '市场监督管理严重违法失信名单',
    kind: 'black',
    legalBasis: [
      { title: '市场监督管理严重违法失信名单管理办法', docNo: '国家市场监督管理总局令第44号' },
      { title: '企业信息公示暂行条例', article: '第十八条' },
    ],
    authority: '市场监督管理部门',
    authorityDepartmentCode: 'SCJG',
    criteria:
      '实施严重违法行为且受到较重行政处罚；或被列入经营异常名录届满三年仍未履行相关义务。',
    exitConditions: '列入之日起满三年且未再发生严重违法行为；或经信用修复移出。',
    remedies: '当事人对列入决定不服的，可以依法申请行政复议或者提起行政诉讼。',
    defaultDurationMonths: 36,
    noticeWorkdays: 10,
    serious: true,
    publishPersons: false,
    minorsExcluded: true,
  },
  {
    code: LIST_CODES.abnormalOperation,
    name: '经营异常名录',
    kind: 'watch',
    legalBasis: [
      { title: '企业信息公示暂行条例', article: '第十七条' },
      { title: '企业经营异常名录管理暂行办法', docNo: '国家工商行政管理总局令第68号' },
    ],
    authority: '市场监督管理部门',
    authorityDepartmentCode: 'SCJG',
    criteria:
      '未按规定期限公示年度报告（每年1月1日至6月30日）；未在责令期限内公示有关企业信息；公示企业信息隐瞒真实情况、弄虚作假；通过登记的住所或者经营场所无法联系。',
    exitConditions: '补报年度报告、更正公示信息或依法变更住所后申请移出，市场监督管理部门自查实之日起5个工作日内移出。',
    remedies: '对列入决定不服的，可以依法申请行政复议或者提起行政诉讼。',
    defaultDurationMonths: null,
    noticeWorkdays: 0,
    serious: false,
    publishPersons: false,
    minorsExcluded: true,
  },
  {
    code: LIST_CODES.brokenCommitment,
    name: '违背告知承诺重点关注名单',
    kind: 'watch',
    legalBasis: [
      { title: '国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见', docNo: '国办发〔2020〕42号' },
      GUOBAN_2020_49,
    ],
    authority: '受理承诺的行政机关（经信用中心归集）',
    criteria: '以告知承诺方式办理审批或者容缺受理后，经事中事后核查未履行承诺、承诺不实，由受理部门认定违背承诺的（平台在认定时自动提出列入并告知）。',
    exitConditions: '列入满一年自动移出；履行承诺、纠正失信行为后，可以申请信用修复提前移出。',
    remedies: '告知期内可提出异议；对违背承诺的认定不服的，可以依法申请行政复议或者提起行政诉讼。',
    defaultDurationMonths: 12,
    noticeWorkdays: 5,
    serious: false,
    publishPersons: false,
    minorsExcluded: true,
  },
  {
    code: LIST_CODES.majorTax,
    name: '重大税收违法失信主体',
    kind: 'black',
    legalBasis: [{ title: '重大税收违法失信主体信息公布管理办法', docNo: '国家税务总局令第54号' }],
    authority: '税务机关',
    authorityDepartmentCode: 'SW',
    criteria: '偷税、逃避追缴欠税、骗取出口退税、抗税、虚开发票等达到规定金额或情节的税收违法行为。',
    exitConditions: '自公布之日起满三年停止公布；按规定缴清税款、滞纳金和罚款的，可提前停止公布。',
    remedies: '对确定为失信主体的决定不服的，可以依法申请行政复议或者提起行政诉讼。',
    defaultDurationMonths: 36,
    noticeWorkdays: 10,
    serious: true,
    publishPersons: false,
    minorsExcluded: true,
  },
  {
    code: LIST_CODES.procurement,
    name: '政府采购严重违法失信行为记录名单',
    kind: 'black',
    legalBasis: [
      { title: '中华人民共和国政府采购法', article: '第七十七条' },
      { title: '中华人民共和国政府采购法实施条例', article: '第十九条' },
    ],
    authority: '财政部门',
    authorityDepartmentCode: 'CZ',
    criteria: '供应商提供虚假材料谋取中标、成交，恶意串通，行贿等被处以禁止参加政府采购活动的行政处罚。',
    exitConditions: '禁止参加政府采购活动的期限届满（一至三年）。',
    remedies: '对行政处罚不服的，可以依法申请行政复议或者提起行政诉讼。',
    defaultDurationMonths: 36,
    noticeWorkdays: 5,
    serious: true,
    publishPersons: false,
    minorsExcluded: true,
  },
  {
    code: LIST_CODES.tourism,
    name: '文化和旅游市场严重失信主体名单',
    kind: 'black',
    legalBasis: [{ title: '文化和旅游市场信用管理规定', docNo: '文化和旅游部令第7号' }, GUOBAN_2020_49],
    authority: '文化和旅游行政部门',
    authorityDepartmentCode: 'WL',
    criteria: '因欺骗、强迫消费等严重违法行为受到较重行政处罚，或拒不履行行政处罚决定等情形。',
    exitConditions: '认定之日起满三年；或经信用修复提前移出。',
    remedies: '对认定决定不服的，可以依法申请行政复议或者提起行政诉讼。',
    defaultDurationMonths: 36,
    noticeWorkdays: 5,
    serious: true,
    publishPersons: false,
    minorsExcluded: true,
  },
  {
    code: LIST_CODES.transport,
    name: '交通运输领域严重失信主体名单',
    kind: 'black',
    legalBasis: [GUOBAN_2020_49, { title: '中华人民共和国道路运输条例' }],
    authority: '交通运输主管部门',
    authorityDepartmentCode: 'JT',
    criteria: '发生重大及以上安全责任事故，或非法营运、拒不履行处罚决定等严重违法失信行为。',
    exitConditions: '认定之日起满三年；或经信用修复提前移出。',
    remedies: '对认定决定不服的，可以依法申请行政复议或者提起行政诉讼。',
    defaultDurationMonths: 36,
    noticeWorkdays: 5,
    serious: true,
    publishPersons: false,
    minorsExcluded: true,
  },
  {
    code: LIST_CODES.productQuality,
    name: '产品质量严重失信主体名单',
    kind: 'black',
    legalBasis: [{ title: '中华人民共和国产品质量法' }, GUOBAN_2020_49],
    authority: '市场监督管理部门',
    authorityDepartmentCode: 'SCJG',
    criteria: '生产、销售假冒伪劣产品或不合格产品，危害人身健康安全且受到较重行政处罚。',
    exitConditions: '认定之日起满三年；或经信用修复提前移出。',
    remedies: '对认定决定不服的，可以依法申请行政复议或者提起行政诉讼。',
    defaultDurationMonths: 36,
    noticeWorkdays: 5,
    serious: true,
    publishPersons: false,
    minorsExcluded: true,
  },
  {
    code: LIST_CODES.tendering,
    name: '招标投标领域严重失信主体名单',
    kind: 'black',
    legalBasis: [
      { title: '中华人民共和国招标投标法', article: '第五十三条' },
      { title: '中华人民共和国招标投标法实施条例', article: '第七十九条' },
    ],
    authority: '招标投标行政监督部门',
    authorityDepartmentCode: 'FGW',
    criteria: '串通投标、以他人名义投标、弄虚作假骗取中标等，被依法取消一定期限内参加依法必须进行招标的项目的投标资格。',
    exitConditions: '取消投标资格的期限届满；或经信用修复提前移出。',
    remedies: '对处理决定不服的，可以依法申请行政复议或者提起行政诉讼。',
    defaultDurationMonths: 36,
    noticeWorkdays: 5,
    serious: true,
    publishPersons: false,
    minorsExcluded: true,
  },
  {
    code: LIST_CODES.taxA,
    name: 'A级纳税人名单',
    kind: 'red',
    legalBasis: [{ title: '纳税信用管理办法（试行）', docNo: '国家税务总局公告2014年第40号' }],
    authority: '税务机关',
    authorityDepartmentCode: 'SW',
    criteria: '纳税信用年度评价得分90分以上。',
    exitConditions: '下一评价年度结果公布；评价期间发生失信行为被调整级别。',
    remedies: '对评价结果有异议的，可以书面向主管税务机关申请复评。',
    defaultDurationMonths: 12,
    noticeWorkdays: 0,
    serious: false,
    publishPersons: false,
    minorsExcluded: true,
  },
  {
    code: LIST_CODES.integrityModel,
    name: '诚信典型名单',
    kind: 'red',
    legalBasis: [
      {
        title: '国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见',
        docNo: '国发〔2016〕33号',
      },
    ],
    authority: '社会信用体系建设牵头部门',
    authorityDepartmentCode: 'FGW',
    criteria: '经部门推荐、公示无异议，诚实守信事迹突出、三年内无不良信用记录的主体。',
    exitConditions: '期满（二年）；期间发生失信行为的，撤销并移出。',
    remedies: '对撤销决定有异议的，可以向认定部门提出。',
    defaultDurationMonths: 24,
    noticeWorkdays: 0,
    serious: false,
    publishPersons: false,
    minorsExcluded: true,
  },
  {
    code: LIST_CODES.contractKeeping,
    name: '守合同重信用企业',
    kind: 'red',
    legalBasis: [{ title: '中华人民共和国民法典', article: '第七条' }, GUOBAN_2020_49],
    authority: '市场监督管理部门',
    authorityDepartmentCode: 'SCJG',
    criteria: '连续两年以上合同履约状况良好、无严重违法失信记录，经公示无异议的企业。',
    exitConditions: '期满（二年）；期间发生严重违法失信行为的，撤销并移出。',
    remedies: '对撤销决定有异议的，可以向认定部门提出。',
    defaultDurationMonths: 24,
    noticeWorkdays: 0,
    serious: false,
    publishPersons: false,
    minorsExcluded: true,
  },
];
