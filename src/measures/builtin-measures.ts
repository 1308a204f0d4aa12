import type { Kysely } from 'kysely';
import type { DB, LegalBasis } from '../db/schema.js';
import { LIST_CODES } from '../kernel/list-codes.js';
import * as repo from './repository.js';
import type { MeasureBind, MeasureKind, MeasureStrength } from './schemas.js';

/** A measure as the platform ships it: list types and departments by code. */
export interface MeasureDefinition {
  code: string;
  name: string;
  content: string;
  kind: MeasureKind;
  strength: MeasureStrength;
  legalBasis: LegalBasis[];
  matters: string[];
  binds: MeasureBind[];
  listTypes: string[];
  /** Implementing departments by the usual codes; those the installation lacks are skipped (and linked when created). */
  departments: string[];
  responseWorkdays: number;
}

// The usual citations. 国办发〔2020〕49号: every measure cites its basis, and none goes beyond the
// 全国失信惩戒措施基础清单. Worth a legal review before go-live, like the list types' citations.
const BASIC_LIST: LegalBasis = { title: '全国失信惩戒措施基础清单（2022年版）', docNo: '发改财金规〔2022〕1917号' };
const GUOBAN_2020_49: LegalBasis = { title: '国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见', docNo: '国办发〔2020〕49号' };
const ZHONGBAN_2016_64: LegalBasis = { title: '关于加快推进失信被执行人信用监督、警示和惩戒机制建设的意见', docNo: '中办发〔2016〕64号' };
const GUOFA_2016_33: LegalBasis = {
  title: '国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见',
  docNo: '国发〔2016〕33号',
};
const HIGH_CONSUMPTION: LegalBasis = { title: '最高人民法院关于限制被执行人高消费及有关消费的若干规定', article: '第三条', docNo: '法释〔2015〕17号' };
const PROCUREMENT_LAW_22: LegalBasis = { title: '中华人民共和国政府采购法', article: '第二十二条' };
const ENTERPRISE_DISCLOSURE_18: LegalBasis = { title: '企业信息公示暂行条例', article: '第十八条' };
const COMMITMENT_42: LegalBasis = { title: '国务院办公厅关于全面推行证明事项告知承诺制的指导意见', docNo: '国办发〔2020〕42号' };
const SAMR_44: LegalBasis = { title: '市场监督管理严重违法失信名单管理办法', docNo: '国家市场监督管理总局令第44号' };
const TAX_54: LegalBasis = { title: '重大税收违法失信主体信息公布管理办法', docNo: '国家税务总局令第54号' };

const ORGANISATION_PEOPLE: MeasureBind[] = ['subject', 'legal_rep', 'principal_officers', 'directly_responsible', 'actual_controller'];
const SUBJECT_AND_REP: MeasureBind[] = ['subject', 'legal_rep'];

const { courtDishonest, seriousIllegal, abnormalOperation, majorTax, procurement, tourism, transport, productQuality, tendering, taxA, integrityModel, contractKeeping } =
  LIST_CODES;
const DOMAIN_LISTS = [tourism, transport, productQuality, tendering];
const RED_LISTS = [taxA, integrityModel, contractKeeping];

/**
 * The national measures a city platform carries, on the built-in lists. Department codes are the
 * usual ones (FY 法院, CZ 财政, FGW 发改, GGZY 公共资源交易中心, ZJ 住建, ZRZY 自然资源, RS 人社,
 * SCJG 市场监管, SW 税务, JT 交通, WL 文旅, GA 公安, XYZX 信用中心).
 */
export const BUILTIN_MEASURES: readonly MeasureDefinition[] = [
  // 失信被执行人: 限制高消费 and the usual prohibitions.
  {
    code: 'SXBZXR_HIGH_CONSUMPTION',
    name: '限制高消费及非生活和工作必需的消费',
    content:
      '被执行人为自然人的，不得有以下高消费及非生活和工作必需的消费行为：（一）乘坐交通工具时，选择飞机、列车软卧、轮船二等以上舱位；（二）在星级以上宾馆、酒店、夜总会、高尔夫球场等场所进行高消费；（三）购买不动产或者新建、扩建、高档装修房屋；（四）租赁高档写字楼、宾馆、公寓等场所办公；（五）购买非经营必需车辆；（六）旅游、度假；（七）子女就读高收费私立学校；（八）支付高额保费购买保险理财产品；（九）乘坐G字头动车组列车全部座位、其他动车组列车一等以上座位等其他非生活和工作必需的消费行为。被执行人为单位的，对单位及其法定代表人、主要负责人、影响债务履行的直接责任人员、实际控制人适用上述限制。',
    kind: 'punishment',
    strength: 'restrict',
    legalBasis: [HIGH_CONSUMPTION, ZHONGBAN_2016_64, BASIC_LIST],
    matters: ['high_consumption'],
    binds: ORGANISATION_PEOPLE,
    listTypes: [courtDishonest],
    departments: ['FY', 'JT', 'WL', 'ZJ', 'ZRZY', 'GA'],
    responseWorkdays: 10,
  },
  {
    code: 'SXBZXR_PROCUREMENT',
    name: '禁止参加政府采购活动',
    content: '失信被执行人不得作为供应商参加政府采购活动；采购人、采购代理机构在资格审查时查询并拒绝其参与。',
    kind: 'punishment',
    strength: 'prohibit',
    legalBasis: [PROCUREMENT_LAW_22, ZHONGBAN_2016_64, BASIC_LIST],
    matters: ['procurement'],
    binds: SUBJECT_AND_REP,
    listTypes: [courtDishonest],
    departments: ['CZ', 'GGZY'],
    responseWorkdays: 10,
  },
  {
    code: 'SXBZXR_TENDERING',
    name: '限制参与招标投标活动',
    content: '在招标投标活动中对失信被执行人依法予以限制：招标人可在资格条件中拒绝其投标，评标时查询其失信情况，不得将其确定为中标人。',
    kind: 'punishment',
    strength: 'prohibit',
    legalBasis: [
      { title: '关于在招标投标活动中对失信被执行人实施联合惩戒的通知', docNo: '法〔2016〕285号' },
      ZHONGBAN_2016_64,
      BASIC_LIST,
    ],
    matters: ['tendering'],
    binds: SUBJECT_AND_REP,
    listTypes: [courtDishonest],
    departments: ['FGW', 'GGZY', 'ZJ', 'JT'],
    responseWorkdays: 10,
  },
  {
    code: 'SXBZXR_FISCAL_FUNDS',
    name: '限制申请财政性资金支持',
    content: '限制失信被执行人申请政府补贴、专项资金等财政性资金和社会保障资金以外的政策性资金支持。',
    kind: 'punishment',
    strength: 'restrict',
    legalBasis: [ZHONGBAN_2016_64, BASIC_LIST],
    matters: ['fiscal_funds'],
    binds: ['subject'],
    listTypes: [courtDishonest],
    departments: ['CZ', 'FGW'],
    responseWorkdays: 10,
  },
  {
    code: 'SXBZXR_PUBLIC_OFFICE',
    name: '限制担任国有企业、事业单位负责人及公司董事、监事、高级管理人员',
    content: '失信被执行人为自然人的，不得担任国有企业法定代表人、董事、监事、高级管理人员，以及事业单位法定代表人；因所负数额较大债务到期未清偿被列为失信被执行人的，不得担任公司董事、监事、高级管理人员。',
    kind: 'punishment',
    strength: 'prohibit',
    legalBasis: [{ title: '中华人民共和国公司法', article: '第一百七十八条' }, ZHONGBAN_2016_64, BASIC_LIST],
    matters: ['public_office'],
    binds: ['subject', 'legal_rep'],
    listTypes: [courtDishonest],
    departments: ['RS', 'SCJG'],
    responseWorkdays: 10,
  },
  {
    code: 'SXBZXR_CIVIL_SERVICE',
    name: '限制招录（聘）为公务员或事业单位工作人员',
    content: '失信被执行人为自然人的，在公务员录用和事业单位公开招聘中依法予以限制。',
    kind: 'punishment',
    strength: 'restrict',
    legalBasis: [ZHONGBAN_2016_64, BASIC_LIST],
    matters: ['civil_service'],
    binds: ['subject'],
    listTypes: [courtDishonest],
    departments: ['RS'],
    responseWorkdays: 10,
  },
  {
    code: 'SXBZXR_HONOURS',
    name: '限制参加评优评先',
    content: '失信被执行人及其法定代表人、主要负责人不得参加各类评先评优，已获得的荣誉称号依规撤销。',
    kind: 'punishment',
    strength: 'prohibit',
    legalBasis: [ZHONGBAN_2016_64, BASIC_LIST],
    matters: ['honours'],
    binds: ['subject', 'legal_rep', 'principal_officers'],
    listTypes: [courtDishonest],
    departments: ['RS', 'FGW'],
    responseWorkdays: 10,
  },
  {
    code: 'SXBZXR_COMMITMENT',
    name: '不适用告知承诺制',
    content: '严重失信主体（含失信被执行人）申请行政许可、证明事项时不适用告知承诺制，须按一般程序提交全部材料。',
    kind: 'punishment',
    strength: 'prohibit',
    legalBasis: [COMMITMENT_42, GUOBAN_2020_49],
    matters: ['commitment_approval'],
    binds: ['subject'],
    listTypes: [courtDishonest],
    departments: ['SCJG', 'ZJ', 'JT', 'WL'],
    responseWorkdays: 10,
  },

  // 严重违法失信名单 (市场监管).
  {
    code: 'YZWFSX_PROCUREMENT',
    name: '依法禁止参加政府采购活动',
    content: '列入严重违法失信名单的企业，在政府采购中依法予以禁入。',
    kind: 'punishment',
    strength: 'prohibit',
    legalBasis: [SAMR_44, ENTERPRISE_DISCLOSURE_18, BASIC_LIST],
    matters: ['procurement'],
    binds: SUBJECT_AND_REP,
    listTypes: [seriousIllegal],
    departments: ['CZ', 'GGZY'],
    responseWorkdays: 10,
  },
  {
    code: 'YZWFSX_TENDERING',
    name: '限制参与工程招标投标',
    content: '列入严重违法失信名单的企业，在工程招投标中依法予以限制或禁入。',
    kind: 'punishment',
    strength: 'prohibit',
    legalBasis: [SAMR_44, ENTERPRISE_DISCLOSURE_18, BASIC_LIST],
    matters: ['tendering'],
    binds: SUBJECT_AND_REP,
    listTypes: [seriousIllegal],
    departments: ['FGW', 'GGZY'],
    responseWorkdays: 10,
  },
  {
    code: 'YZWFSX_FISCAL_FUNDS',
    name: '限制申请财政资金支持',
    content: '列入严重违法失信名单的企业，限制其申请财政性资金项目和享受税收优惠以外的政策性支持。',
    kind: 'punishment',
    strength: 'restrict',
    legalBasis: [SAMR_44, BASIC_LIST],
    matters: ['fiscal_funds'],
    binds: ['subject'],
    listTypes: [seriousIllegal],
    departments: ['CZ', 'FGW'],
    responseWorkdays: 10,
  },
  {
    code: 'YZWFSX_HONOURS',
    name: '禁止授予荣誉称号',
    content: '列入严重违法失信名单的企业及其法定代表人、负责人，不得被授予相关荣誉称号，不得参加评优评先。',
    kind: 'punishment',
    strength: 'prohibit',
    legalBasis: [SAMR_44, ENTERPRISE_DISCLOSURE_18, BASIC_LIST],
    matters: ['honours'],
    binds: ['subject', 'legal_rep', 'principal_officers'],
    listTypes: [seriousIllegal],
    departments: ['RS', 'FGW'],
    responseWorkdays: 10,
  },
  {
    code: 'YZWFSX_SUPERVISION',
    name: '列为重点监管对象，提高抽查比例和频次',
    content: '将严重违法失信企业列为重点监管对象，在“双随机、一公开”抽查中提高抽查比例和频次。',
    kind: 'punishment',
    strength: 'supervise',
    legalBasis: [SAMR_44, BASIC_LIST],
    matters: ['supervision'],
    binds: ['subject'],
    listTypes: [seriousIllegal],
    departments: ['SCJG'],
    responseWorkdays: 15,
  },

  // 经营异常名录 (a watch list: supervision and reference, no bans).
  {
    code: 'JYYCML_SUPERVISION',
    name: '作为重点监管对象',
    content: '对列入经营异常名录的企业，在日常监管和“双随机、一公开”抽查中予以重点关注。',
    kind: 'punishment',
    strength: 'supervise',
    legalBasis: [ENTERPRISE_DISCLOSURE_18, { title: '企业经营异常名录管理暂行办法', docNo: '国家工商行政管理总局令第68号' }],
    matters: ['supervision'],
    binds: ['subject'],
    listTypes: [abnormalOperation],
    departments: ['SCJG'],
    responseWorkdays: 15,
  },
  {
    code: 'JYYCML_REFERENCE',
    name: '在行政许可、政府采购中作为重要考量因素',
    content: '在行政许可、政府采购、工程招投标、国有土地出让、授予荣誉称号等工作中，将企业被列入经营异常名录的情况作为重要考量因素。',
    kind: 'punishment',
    strength: 'reference',
    legalBasis: [ENTERPRISE_DISCLOSURE_18],
    matters: ['licensing', 'procurement'],
    binds: ['subject'],
    listTypes: [abnormalOperation],
    departments: ['CZ', 'SCJG'],
    responseWorkdays: 15,
  },

  // 重大税收违法失信主体.
  {
    code: 'ZDSSWF_PROCUREMENT',
    name: '限制参加政府采购活动',
    content: '重大税收违法失信主体在公布期间，依法限制其参加政府采购活动。',
    kind: 'punishment',
    strength: 'restrict',
    legalBasis: [TAX_54, PROCUREMENT_LAW_22, BASIC_LIST],
    matters: ['procurement'],
    binds: SUBJECT_AND_REP,
    listTypes: [majorTax],
    departments: ['CZ', 'GGZY'],
    responseWorkdays: 10,
  },
  {
    code: 'ZDSSWF_FISCAL_FUNDS',
    name: '限制申请财政性资金',
    content: '重大税收违法失信主体在公布期间，限制其申请财政性资金项目。',
    kind: 'punishment',
    strength: 'restrict',
    legalBasis: [TAX_54, BASIC_LIST],
    matters: ['fiscal_funds'],
    binds: ['subject'],
    listTypes: [majorTax],
    departments: ['CZ', 'FGW'],
    responseWorkdays: 10,
  },
  {
    code: 'ZDSSWF_LAND_SUPPLY',
    name: '限制取得国有土地使用权',
    content: '重大税收违法失信主体在公布期间，在国有土地出让中依法予以限制。',
    kind: 'punishment',
    strength: 'restrict',
    legalBasis: [TAX_54, BASIC_LIST],
    matters: ['land_supply'],
    binds: ['subject'],
    listTypes: [majorTax],
    departments: ['ZRZY'],
    responseWorkdays: 10,
  },
  {
    code: 'ZDSSWF_SUPERVISION',
    name: '列为纳税信用D级，加强税收监管',
    content: '重大税收违法失信主体直接判为纳税信用D级，增加纳税评估和检查频次，严格发票领用。',
    kind: 'punishment',
    strength: 'supervise',
    legalBasis: [TAX_54, { title: '纳税信用管理办法', docNo: '国家税务总局公告2014年第40号' }],
    matters: ['supervision'],
    binds: ['subject'],
    listTypes: [majorTax],
    departments: ['SW'],
    responseWorkdays: 15,
  },

  // 政府采购严重违法失信行为记录名单.
  {
    code: 'ZFCGSX_PROCUREMENT',
    name: '在规定期限内禁止参加政府采购活动',
    content: '列入政府采购严重违法失信行为记录名单的供应商，在处罚决定规定的期限（一至三年）内禁止参加政府采购活动。',
    kind: 'punishment',
    strength: 'prohibit',
    legalBasis: [{ title: '中华人民共和国政府采购法', article: '第七十七条' }, { title: '中华人民共和国政府采购法实施条例', article: '第十九条' }],
    matters: ['procurement'],
    binds: SUBJECT_AND_REP,
    listTypes: [procurement],
    departments: ['CZ', 'GGZY'],
    responseWorkdays: 5,
  },

  // 领域严重失信主体名单: 招投标 and 行政许可 restrictions.
  {
    code: 'DOMAIN_TENDERING',
    name: '限制参与招标投标活动',
    content: '领域严重失信主体在名单有效期内，在招标投标活动中依法予以限制，评标时作为否决或扣分因素。',
    kind: 'punishment',
    strength: 'restrict',
    legalBasis: [GUOBAN_2020_49, BASIC_LIST],
    matters: ['tendering'],
    binds: SUBJECT_AND_REP,
    listTypes: DOMAIN_LISTS,
    departments: ['FGW', 'GGZY'],
    responseWorkdays: 10,
  },
  {
    code: 'DOMAIN_LICENSING',
    name: '从严审核行政许可，不适用告知承诺',
    content: '领域严重失信主体申请本领域行政许可的，从严审核，不适用告知承诺、容缺受理等便利措施。',
    kind: 'punishment',
    strength: 'restrict',
    legalBasis: [GUOBAN_2020_49, COMMITMENT_42, BASIC_LIST],
    matters: ['licensing', 'commitment_approval'],
    binds: ['subject'],
    listTypes: DOMAIN_LISTS,
    departments: ['SCJG', 'JT', 'WL', 'ZJ'],
    responseWorkdays: 10,
  },

  // 红名单: incentives (国发〔2016〕33号).
  {
    code: 'RED_FAST_TRACK',
    name: '行政审批“绿色通道”',
    content: '对红名单主体在行政审批、公共服务中开辟“绿色通道”，优先办理。',
    kind: 'incentive',
    strength: 'fast_track',
    legalBasis: [GUOFA_2016_33],
    matters: ['licensing'],
    binds: ['subject'],
    listTypes: RED_LISTS,
    departments: ['SCJG', 'ZJ', 'JT', 'WL'],
    responseWorkdays: 15,
  },
  {
    code: 'RED_ACCEPT_MISSING',
    name: '容缺受理',
    content: '红名单主体申请行政许可，非关键性材料暂缺的，可书面承诺后先行受理（容缺受理），在规定期限内补齐。',
    kind: 'incentive',
    strength: 'accept_missing',
    legalBasis: [GUOFA_2016_33],
    matters: ['licensing'],
    binds: ['subject'],
    listTypes: RED_LISTS,
    departments: ['SCJG', 'ZJ', 'JT', 'WL'],
    responseWorkdays: 15,
  },
  {
    code: 'RED_FEWER_INSPECTIONS',
    name: '减少日常检查频次',
    content: '对红名单主体优化监管安排，在“双随机、一公开”抽查中适当降低抽查比例和频次。',
    kind: 'incentive',
    strength: 'fewer_inspections',
    legalBasis: [GUOFA_2016_33],
    matters: ['supervision'],
    binds: ['subject'],
    listTypes: RED_LISTS,
    departments: ['SCJG', 'SW'],
    responseWorkdays: 15,
  },
  {
    code: 'RED_BONUS_POINTS',
    name: '公共资源交易信用加分',
    content: '在公共资源交易（招标投标）评审中，对红名单主体给予信用加分。',
    kind: 'incentive',
    strength: 'bonus_points',
    legalBasis: [GUOFA_2016_33],
    matters: ['tendering'],
    binds: ['subject'],
    listTypes: RED_LISTS,
    departments: ['GGZY', 'FGW'],
    responseWorkdays: 15,
  },
];

/**
 * Adds the built-in measures an installation lacks, linked to the built-in list types and to the
 * implementing departments it has. Re-running links departments (and list types) created since a
 * built-in measure was last saved, so a department added later joins in; a link an administrator
 * removed is not put back. Leaves everything else of an existing measure (and its edits) alone.
 */
export async function ensureBuiltinMeasures(db: Kysely<DB>, at: Date): Promise<void> {
  const listTypeIds = await repo.listTypeIdsByCode(db);
  const departmentIds = await repo.departmentIdsByCode(db);
  for (const def of BUILTIN_MEASURES) {
    const existing = await repo.findMeasureByCode(db, def.code);
    const listTypes = def.listTypes.flatMap((code) => listTypeIds.get(code) ?? []);
    const departments = def.departments.flatMap((code) => departmentIds.get(code) ?? []);
    if (!existing) {
      const id = await repo.insertMeasure(db, { ...def, active: true, builtin: true }, at);
      await repo.linkListTypes(db, id, listTypes.map((l) => l.id));
      await repo.linkDepartments(db, id, departments.map((d) => d.id));
    } else if (existing.builtin) {
      const savedAt = new Date(existing.updated_at).getTime();
      await repo.linkListTypes(db, existing.id, listTypes.filter((l) => l.createdAt.getTime() >= savedAt).map((l) => l.id));
      await repo.linkDepartments(db, existing.id, departments.filter((d) => d.createdAt.getTime() >= savedAt).map((d) => d.id));
    }
  }
}
