/**
 * Licence kinds by department: decision document, 许可类别, certificate, number format, content and
 * validity, modelled on the certificates these departments actually issue.
 */
import { civilDate, formatDay } from './dates.js';
import type { Sector } from './names.js';
import { chance, int, pick } from './rng.js';
import type { Rng } from './rng.js';
import type { DemoRegion } from './region.js';
import type { DemoSubject, SubjectKind } from './subjects.js';
import type { LicenceCategory } from './vocab.js';

/** What a licence template needs to write one decision. */
export interface LicenceContext {
  subject: DemoSubject;
  decisionDay: number;
  region: DemoRegion;
  /** Serial of this decision within its department and year (also used in certificate numbers). */
  serial: number;
  /** Serial of this decision among all decisions of its template, across years: for numbers without a year. */
  sequence: number;
}

/** How long a licence is valid: a number of months, or long-term (2099-12-31). */
export type Validity = { months: number } | 'long';

/** One kind of licence a department grants. */
export interface LicenceTemplate {
  /** Stable identifier, e.g. `SCJG-food-business`. */
  id: string;
  /** 行政许可决定文书名称 (XK_XKWS). */
  documentName: string;
  /** 许可类别 (XK_XKLB). */
  category: LicenceCategory;
  /** 许可证书名称 (XK_XKZS), when a certificate is issued. */
  certificate?: string;
  /** Prefix of the decision number (XK_WSH); without one the 许可编号 stands in, as the template allows. */
  docPrefix?: string;
  /** Relative frequency within the department. */
  weight: number;
  targets: Partial<Record<SubjectKind, number>>;
  sectors?: readonly Sector[];
  validity: Validity | ((rng: Rng) => Validity);
  /** 设立登记: the decision date is the subject's establishment date when that lies in the window. */
  atEstablishment?: boolean;
  /** Template used instead when this one does not fit the subject (an old enterprise is not newly registered). */
  fallback?: string;
  /** 许可编号 (XK_XKBH); absent when the decision is not numbered separately (e.g. an EIA approval). */
  number?(rng: Rng, c: LicenceContext): string;
  /** 许可内容 (XK_NR). */
  content(rng: Rng, c: LicenceContext): string;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const districtOf = (c: LicenceContext): string => (c.subject.kind === 'person' ? c.subject.region : c.subject.region.length === 6 ? c.subject.region : c.region.code);
const years = (n: number): Validity => ({ months: 12 * n });

/** Picks `min`–`max` distinct items, in their original order. */
function some(rng: Rng, items: readonly string[], min: number, max: number): string[] {
  const n = int(rng, min, Math.min(max, items.length));
  const chosen = new Set<number>();
  while (chosen.size < n) chosen.add(int(rng, 0, items.length - 1));
  return [...chosen].sort((a, b) => a - b).map((i) => items[i] as string);
}

const SCOPES: Partial<Record<Sector, string>> = {
  tech: '一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发；信息系统集成服务',
  retail: '一般项目：日用百货销售；五金产品批发；电子产品销售；服装服饰批发；货物进出口',
  food: '许可项目：食品销售；一般项目：食用农产品批发；食用农产品零售',
  catering: '许可项目：餐饮服务；一般项目：餐饮管理',
  construction: '许可项目：建设工程施工；一般项目：园林绿化工程施工；建筑材料销售',
  real_estate: '许可项目：房地产开发经营；一般项目：物业管理；停车场服务',
  transport: '许可项目：道路货物运输（不含危险货物）；一般项目：国内货物运输代理；普通货物仓储服务',
  manufacturing: '一般项目：通用设备制造（不含特种设备制造）；塑料制品制造；金属制品销售',
  chemical: '一般项目：化工产品销售（不含许可类化工产品）；涂料销售（不含危险化学品）',
  health: '许可项目：药品零售；一般项目：第二类医疗器械销售；保健食品（预包装）销售',
  tourism: '许可项目：旅游业务；住宿服务；一般项目：酒店管理',
  culture: '一般项目：组织文化艺术交流活动；广告设计、代理；会议及展览服务',
  services: '一般项目：企业管理咨询；人力资源服务（不含职业中介活动、劳务派遣服务）；家政服务',
  finance: '一般项目：以自有资金从事投资活动；企业管理；信息咨询服务（不含许可类信息咨询服务）',
  agriculture: '一般项目：谷物种植；蔬菜种植；水果种植；农产品的生产、销售、加工、运输、贮藏及其他相关服务',
};
const SCOPE_TAIL = '（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）';
const sectorOf = (c: LicenceContext): Sector => (c.subject.kind === 'person' ? 'services' : c.subject.sector);

const FOOD_RETAIL_ITEMS = ['预包装食品（含冷藏冷冻食品）销售', '散装食品（不含冷藏冷冻食品）销售', '保健食品销售', '特殊医学用途配方食品销售', '婴幼儿配方乳粉销售'];
const FOOD_SERVICE_ITEMS = ['热食类食品制售', '冷食类食品制售', '自制饮品制售', '糕点类食品（不含裱花蛋糕）制售', '预包装食品（不含冷藏冷冻食品）销售'];

/** 福州市市场监督管理局. */
export const MARKET_LICENCES: readonly LicenceTemplate[] = [
  {
    id: 'SCJG-food-business',
    documentName: '食品经营许可证准予许可决定书',
    category: '普通',
    certificate: '食品经营许可证',
    docPrefix: '榕市监食许',
    weight: 10,
    targets: { individual_business: 6, enterprise: 4, public_institution: 0.5 },
    sectors: ['catering', 'food'],
    validity: years(5),
    number(rng, c) {
      // JY + 主体业态 (1 销售, 2 餐饮, 3 单位食堂) + 6-digit division + 6-digit serial + check digit.
      const kind = c.subject.kind === 'public_institution' ? 3 : sectorOf(c) === 'catering' ? 2 : 1;
      return `JY${kind}${districtOf(c)}${pad(c.sequence, 6)}${int(rng, 0, 9)}`;
    },
    content(rng, c) {
      const items = sectorOf(c) === 'catering' || c.subject.kind === 'public_institution' ? FOOD_SERVICE_ITEMS : FOOD_RETAIL_ITEMS;
      return `经营项目：${some(rng, items, 1, 3).join('，')}`;
    },
  },
  {
    id: 'SCJG-establishment',
    documentName: '准予设立登记通知书',
    category: '登记',
    certificate: '营业执照',
    docPrefix: '（榕）登字',
    weight: 6,
    targets: { enterprise: 7, individual_business: 3 },
    atEstablishment: true,
    fallback: 'SCJG-change',
    validity: (rng) => (chance(rng, 0.7) ? 'long' : years(pick(rng, [20, 30, 50]))),
    number(_rng, c) {
      const s = c.subject;
      return s.kind === 'person' ? '' : s.kind === 'individual_business' ? (s.uscc ?? s.regNo ?? '') : s.uscc;
    },
    content(rng, c) {
      if (c.subject.kind === 'individual_business') return `准予设立登记。组成形式：个人经营；经营范围：${SCOPES[sectorOf(c)] ?? SCOPES.retail}${SCOPE_TAIL}`;
      return `准予设立登记。注册资本：${pick(rng, [10, 50, 100, 200, 500, 1000, 3000])}万元人民币；经营范围：${SCOPES[sectorOf(c)] ?? SCOPES.retail}${SCOPE_TAIL}`;
    },
  },
  {
    id: 'SCJG-change',
    documentName: '准予变更登记通知书',
    category: '登记',
    certificate: '营业执照',
    docPrefix: '（榕）登字',
    weight: 5,
    targets: { enterprise: 8, individual_business: 2 },
    validity: 'long',
    number(_rng, c) {
      const s = c.subject;
      return s.kind === 'person' ? '' : s.kind === 'individual_business' ? (s.uscc ?? s.regNo ?? '') : s.uscc;
    },
    content(rng) {
      return `准予变更登记。变更事项：${some(rng, ['住所', '法定代表人', '注册资本', '经营范围', '股东'], 1, 2).join('、')}`;
    },
  },
  {
    id: 'SCJG-special-equipment',
    documentName: '特种设备使用登记决定书',
    category: '登记',
    certificate: '特种设备使用登记证',
    weight: 2,
    targets: { enterprise: 9, public_institution: 1 },
    sectors: ['real_estate', 'manufacturing', 'tourism', 'retail', 'transport'],
    validity: 'long',
    number(rng, c) {
      const [code] = pick(rng, [['梯11'], ['容15'], ['车11'], ['起17']]);
      return `${code}${c.region.platePrefix}${pad(c.sequence, 5)}(${String(civilDate(c.decisionDay).year).slice(2)})`;
    },
    content(rng, c) {
      const kind = pick(rng, ['电梯：曳引驱动乘客电梯', '压力容器：储气罐', '场（厂）内专用机动车辆：叉车', '起重机械：桥式起重机']);
      return `设备类别及品种：${kind}；使用地点：${c.subject.address}`;
    },
  },
  {
    id: 'SCJG-drug-retail',
    documentName: '药品经营许可证准予许可决定书',
    category: '普通',
    certificate: '药品经营许可证',
    docPrefix: '榕市监药许',
    weight: 2,
    targets: { enterprise: 10 },
    sectors: ['health'],
    validity: years(5),
    number(_rng, c) {
      return `闽CB591${pad(c.sequence, 4)}`;
    },
    content(rng) {
      return `经营方式：药品零售；经营范围：${some(rng, ['中药饮片', '中成药', '化学药', '生物制品（除疫苗）', '第二类精神药品'], 2, 4).join('、')}`;
    },
  },
];

/** 国家税务总局福州市税务局. */
export const TAX_LICENCES: readonly LicenceTemplate[] = [
  {
    id: 'SW-invoice-limit',
    documentName: '准予税务行政许可决定书',
    category: '普通',
    weight: 10,
    targets: { enterprise: 10 },
    validity: 'long',
    number(_rng, c) {
      return `榕税许准字〔${civilDate(c.decisionDay).year}〕第${pad(c.serial, 5)}号`;
    },
    content(rng) {
      return `增值税防伪税控系统最高开票限额审批：准予增值税专用发票最高开票限额为${pick(rng, ['十万元', '十万元', '一百万元'])}`;
    },
  },
];

const INDUSTRIES_EMISSION = ['塑料制品业', '金属表面处理及热处理加工', '纺织服装制造', '食品制造业', '家具制造业', '汽车修理与维护', '化学原料制造'];

/** 福州市生态环境局. */
export const ECOLOGY_LICENCES: readonly LicenceTemplate[] = [
  {
    id: 'STHJ-discharge-permit',
    documentName: '排污许可证核发决定书',
    category: '普通',
    certificate: '排污许可证',
    docPrefix: '榕环排许',
    weight: 6,
    targets: { enterprise: 10 },
    sectors: ['manufacturing', 'chemical', 'food'],
    validity: years(5),
    number(_rng, c) {
      const s = c.subject;
      // 统一社会信用代码 + 3-digit serial + P, the national numbering of discharge permits.
      return `${s.kind === 'enterprise' ? s.uscc : ''}001P`;
    },
    content(rng) {
      return `行业类别：${pick(rng, INDUSTRIES_EMISSION)}；废气排放口${int(rng, 1, 6)}个，废水排放口${int(rng, 0, 2)}个；许可排放污染物：${some(rng, ['颗粒物', '二氧化硫', '氮氧化物', '挥发性有机物', '化学需氧量', '氨氮'], 2, 4).join('、')}`;
    },
  },
  {
    id: 'STHJ-eia-approval',
    documentName: '建设项目环境影响报告表审批意见',
    category: '普通',
    docPrefix: '榕环评',
    weight: 4,
    targets: { enterprise: 10 },
    sectors: ['manufacturing', 'chemical', 'food', 'real_estate', 'construction'],
    validity: years(5),
    content(rng) {
      return `同意${pick(rng, ['年产3000吨塑料制品', '电子元器件生产', '食品加工', '汽车维修', '家具生产', '新建厂房'])}项目按照环境影响报告表所列建设项目的性质、规模、地点和拟采取的环境保护措施进行建设`;
    },
  },
];

/** 福州市应急管理局. */
export const SAFETY_LICENCES: readonly LicenceTemplate[] = [
  {
    id: 'YJGL-hazchem-business',
    documentName: '危险化学品经营许可决定书',
    category: '普通',
    certificate: '危险化学品经营许可证',
    weight: 6,
    targets: { enterprise: 10 },
    sectors: ['chemical', 'retail', 'transport'],
    validity: years(3),
    number(_rng, c) {
      return `闽榕危化经〔${civilDate(c.decisionDay).year}〕${pad(c.serial, 6)}`;
    },
    content(rng) {
      return `许可范围：${pick(rng, ['汽油、柴油［闭杯闪点≤60℃］', '乙醇、丙酮、甲苯', '油漆、稀释剂', '液化石油气'])}（${pick(rng, ['不带储存设施经营', '带储存设施经营'])}）`;
    },
  },
  {
    id: 'YJGL-fireworks-retail',
    documentName: '烟花爆竹经营（零售）许可决定书',
    category: '普通',
    certificate: '烟花爆竹经营（零售）许可证',
    weight: 4,
    targets: { individual_business: 8, enterprise: 2 },
    sectors: ['retail', 'food'],
    validity: years(1),
    number(_rng, c) {
      return `（闽榕）YH〔${civilDate(c.decisionDay).year}〕${pad(c.serial, 4)}号`;
    },
    content(rng, c) {
      return `经营场所：${c.subject.address}；限制存放数量：${int(rng, 10, 60)}箱`;
    },
  },
];

const PROJECTS = ['安置房', '商住楼', '综合楼', '厂房', '学校教学楼', '仓储用房', '商业综合体'];

/** 福州市城乡建设局. */
export const CONSTRUCTION_LICENCES: readonly LicenceTemplate[] = [
  {
    id: 'ZJ-construction-permit',
    documentName: '建筑工程施工许可决定书',
    category: '普通',
    certificate: '建筑工程施工许可证',
    weight: 6,
    targets: { enterprise: 9, public_institution: 1 },
    sectors: ['construction', 'real_estate', 'manufacturing'],
    validity: 'long',
    number(_rng, c) {
      return `${districtOf(c)}${formatDay(c.decisionDay).replaceAll('-', '')}${pad(c.serial % 10000, 4)}`;
    },
    content(rng) {
      return `工程名称：${pick(rng, PROJECTS)}工程；建设规模：${int(rng, 800, 90000)}平方米；合同价格：${int(rng, 200, 40000)}万元`;
    },
  },
  {
    id: 'ZJ-qualification',
    documentName: '建筑业企业资质许可决定书',
    category: '认可',
    certificate: '建筑业企业资质证书',
    weight: 3,
    targets: { enterprise: 10 },
    sectors: ['construction'],
    validity: years(5),
    number(_rng, c) {
      return `D335${pad(c.sequence, 6)}`;
    },
    content(rng) {
      return `资质类别及等级：${pick(rng, ['建筑工程施工总承包三级', '市政公用工程施工总承包三级', '建筑装修装饰工程专业承包二级', '地基基础工程专业承包三级', '环保工程专业承包三级'])}`;
    },
  },
];

/** 福州市交通运输局. */
export const TRANSPORT_LICENCES: readonly LicenceTemplate[] = [
  {
    id: 'JT-road-transport',
    documentName: '道路运输经营行政许可决定书',
    category: '普通',
    certificate: '道路运输经营许可证',
    weight: 6,
    targets: { enterprise: 8, individual_business: 2 },
    sectors: ['transport', 'construction', 'retail'],
    validity: years(4),
    number(_rng, c) {
      return `闽交运管许可榕字${districtOf(c)}${pad(c.sequence, 6)}号`;
    },
    content(rng) {
      return `经营范围：${pick(rng, ['道路普通货物运输', '道路普通货物运输、货物专用运输（集装箱）', '道路旅客运输（包车客运）', '道路普通货物运输、大型物件运输'])}`;
    },
  },
  {
    id: 'JT-ride-hailing-driver',
    documentName: '网络预约出租汽车驾驶员证核发决定书',
    category: '认可',
    certificate: '网络预约出租汽车驾驶员证',
    weight: 4,
    targets: { person: 10 },
    validity: years(6),
    number(_rng, c) {
      return `榕网约驾${civilDate(c.decisionDay).year}${pad(c.serial, 6)}`;
    },
    content() {
      return '准予取得网络预约出租汽车驾驶员从业资格';
    },
  },
  {
    id: 'JT-taxi-franchise',
    documentName: '巡游出租汽车经营权许可决定书',
    category: '特许',
    docPrefix: '榕交运许',
    weight: 1,
    targets: { enterprise: 10 },
    sectors: ['transport'],
    validity: years(8),
    number(_rng, c) {
      return `榕出租经营权${civilDate(c.decisionDay).year}${pad(c.serial, 4)}`;
    },
    content(rng) {
      return `取得巡游出租汽车经营权${int(rng, 5, 80)}个，经营期限8年`;
    },
  },
];

/** 福州市卫生健康委员会. */
export const HEALTH_LICENCES: readonly LicenceTemplate[] = [
  {
    id: 'WJW-medical-institution',
    documentName: '医疗机构执业登记决定书',
    category: '普通',
    certificate: '医疗机构执业许可证',
    docPrefix: '榕卫医许',
    weight: 4,
    targets: { enterprise: 5, public_institution: 5, social_organisation: 1 },
    sectors: ['health'],
    validity: years(5),
    number(rng, c) {
      return `PDY${pad(int(rng, 10000, 99999), 5)}${districtOf(c)}${pad(int(rng, 11, 52), 2)}${pick(rng, ['A', 'D', 'J'])}${pad(c.serial % 10000, 4)}`;
    },
    content(rng) {
      return `诊疗科目：${some(rng, ['预防保健科', '全科医疗科', '内科', '外科', '妇产科', '儿科', '口腔科', '中医科', '医学检验科', '医学影像科'], 2, 6).join('；')}`;
    },
  },
  {
    id: 'WJW-public-place',
    documentName: '公共场所卫生许可决定书',
    category: '普通',
    certificate: '卫生许可证',
    weight: 5,
    targets: { individual_business: 6, enterprise: 4 },
    sectors: ['services', 'tourism', 'culture'],
    validity: years(4),
    number(_rng, c) {
      return `榕卫公字〔${civilDate(c.decisionDay).year}〕第${pad(c.serial, 4)}号`;
    },
    content(rng) {
      return `许可项目：${pick(rng, ['住宿场所', '理发店、美容店', '游泳场（馆）', '沐浴场所', '候车（机、船）室'])}`;
    },
  },
  {
    id: 'WJW-physician',
    documentName: '医师执业注册准予许可决定书',
    category: '认可',
    certificate: '医师执业证书',
    docPrefix: '榕卫医师许',
    weight: 2,
    targets: { person: 10 },
    validity: 'long',
    number(rng, c) {
      return `1103501${pad(civilDate(c.decisionDay).year % 100, 2)}${pad(int(rng, 0, 999999), 6)}`;
    },
    content(rng) {
      return `执业类别：${pick(rng, ['临床', '中医', '口腔', '公共卫生'])}；执业范围：${pick(rng, ['内科专业', '外科专业', '全科医学专业', '儿科专业', '口腔专业', '中医专业'])}`;
    },
  },
];

/** 福州市城市管理委员会. */
export const URBAN_LICENCES: readonly LicenceTemplate[] = [
  {
    id: 'CG-construction-waste',
    documentName: '城市建筑垃圾处置核准决定书',
    category: '核准',
    certificate: '城市建筑垃圾处置核准证',
    docPrefix: '榕城管建垃核',
    weight: 4,
    targets: { enterprise: 10 },
    sectors: ['construction', 'transport', 'real_estate'],
    validity: (rng) => ({ months: int(rng, 3, 12) }),
    number(_rng, c) {
      return `榕建垃${civilDate(c.decisionDay).year}${pad(c.serial, 5)}`;
    },
    content(rng) {
      return `核准处置建筑垃圾${int(rng, 500, 80000)}立方米，运输路线及消纳场所按核准方案执行`;
    },
  },
  {
    id: 'CG-outdoor-advert',
    documentName: '设置大型户外广告审批决定书',
    category: '普通',
    docPrefix: '榕城管广许',
    weight: 4,
    targets: { enterprise: 7, individual_business: 3 },
    sectors: ['culture', 'retail', 'real_estate', 'catering'],
    validity: (rng) => years(pick(rng, [1, 2, 3])),
    number(_rng, c) {
      return `榕户广${civilDate(c.decisionDay).year}${pad(c.serial, 5)}`;
    },
    content(rng, c) {
      return `设置地点：${c.subject.address}；形式：${pick(rng, ['户外招牌', '墙面广告', '立柱广告'])}；规格：${int(rng, 2, 20)}米×${int(rng, 1, 6)}米`;
    },
  },
  {
    id: 'CG-road-occupation',
    documentName: '临时占用城市道路审批决定书',
    category: '其他',
    docPrefix: '榕城管占许',
    weight: 2,
    targets: { enterprise: 7, individual_business: 3 },
    validity: (rng) => ({ months: int(rng, 1, 6) }),
    number(_rng, c) {
      return `榕占道${civilDate(c.decisionDay).year}${pad(c.serial, 5)}`;
    },
    content(rng) {
      return `临时占用城市道路${int(rng, 10, 400)}平方米，用途：${pick(rng, ['施工围挡', '材料堆放', '临时设施'])}`;
    },
  },
];

/** 福州市消防救援支队. */
export const FIRE_LICENCES: readonly LicenceTemplate[] = [
  {
    id: 'XF-public-place-inspection',
    documentName: '公众聚集场所投入使用、营业前消防安全检查合格证',
    category: '普通',
    weight: 10,
    targets: { enterprise: 7, individual_business: 3 },
    sectors: ['tourism', 'culture', 'retail', 'catering', 'services'],
    validity: 'long',
    number(_rng, c) {
      return `榕消安检字〔${civilDate(c.decisionDay).year}〕第${pad(c.serial, 4)}号`;
    },
    content(rng) {
      return `场所使用性质：${pick(rng, ['歌舞娱乐场所', '宾馆', '商场', '餐饮场所', '培训机构', '健身场所'])}；使用面积：${int(rng, 200, 12000)}平方米`;
    },
  },
];

/** 福州市人力资源和社会保障局. */
export const HR_LICENCES: readonly LicenceTemplate[] = [
  {
    id: 'RS-labour-dispatch',
    documentName: '劳务派遣经营许可决定书',
    category: '普通',
    certificate: '劳务派遣经营许可证',
    weight: 5,
    targets: { enterprise: 10 },
    sectors: ['services'],
    validity: years(3),
    number(_rng, c) {
      return `闽榕劳派${civilDate(c.decisionDay).year}${pad(c.serial, 4)}`;
    },
    content() {
      return '许可经营事项：劳务派遣';
    },
  },
  {
    id: 'RS-hr-service',
    documentName: '人力资源服务许可决定书',
    category: '普通',
    certificate: '人力资源服务许可证',
    weight: 5,
    targets: { enterprise: 10 },
    sectors: ['services'],
    validity: 'long',
    number(_rng, c) {
      return `榕人社服${civilDate(c.decisionDay).year}${pad(c.serial, 4)}`;
    },
    content() {
      return '许可事项：职业中介活动';
    },
  },
];

/** 福州市文化体育和旅游局. */
export const CULTURE_LICENCES: readonly LicenceTemplate[] = [
  {
    id: 'WL-travel-agency',
    documentName: '旅行社业务经营许可决定书',
    category: '普通',
    certificate: '旅行社业务经营许可证',
    weight: 4,
    targets: { enterprise: 10 },
    sectors: ['tourism'],
    validity: 'long',
    number(_rng, c) {
      return `L-FJ-${pad(c.sequence + 10000, 5)}`;
    },
    content(rng) {
      return `经营范围：${pick(rng, ['国内旅游业务、入境旅游业务', '国内旅游业务'])}`;
    },
  },
  {
    id: 'WL-entertainment',
    documentName: '娱乐经营许可决定书',
    category: '普通',
    certificate: '娱乐经营许可证',
    weight: 3,
    targets: { enterprise: 6, individual_business: 4 },
    sectors: ['culture', 'tourism'],
    validity: years(2),
    number(_rng, c) {
      return `${districtOf(c)}${civilDate(c.decisionDay).year}${pad(c.serial, 4)}`;
    },
    content(rng) {
      return `经营范围：${pick(rng, ['歌舞娱乐场所', '游艺娱乐场所'])}`;
    },
  },
  {
    id: 'WL-internet-cafe',
    documentName: '互联网上网服务营业场所经营单位设立审批决定书',
    category: '普通',
    certificate: '网络文化经营许可证',
    weight: 2,
    targets: { individual_business: 5, enterprise: 5 },
    sectors: ['culture'],
    validity: years(3),
    number(_rng, c) {
      return `闽网文〔${civilDate(c.decisionDay).year}〕${pad(c.serial, 4)}-${pad(c.serial % 1000, 3)}号`;
    },
    content() {
      return '经营范围：互联网上网服务营业场所';
    },
  },
];

/** 福州市自然资源和规划局. */
export const LAND_LICENCES: readonly LicenceTemplate[] = [
  {
    id: 'ZRZY-land-use-planning',
    documentName: '建设用地规划许可决定书',
    category: '普通',
    certificate: '建设用地规划许可证',
    weight: 4,
    targets: { enterprise: 9, public_institution: 1 },
    sectors: ['real_estate', 'manufacturing', 'construction'],
    validity: 'long',
    number(_rng, c) {
      return `地字第${c.region.code}${civilDate(c.decisionDay).year}${pad(c.serial, 5)}号`;
    },
    content(rng) {
      return `用地面积：${int(rng, 2000, 150000)}平方米；用地性质：${pick(rng, ['二类居住用地', '工业用地', '商业用地', '中小学用地', '物流仓储用地'])}`;
    },
  },
  {
    id: 'ZRZY-building-planning',
    documentName: '建设工程规划许可决定书',
    category: '普通',
    certificate: '建设工程规划许可证',
    weight: 4,
    targets: { enterprise: 9, public_institution: 1 },
    sectors: ['real_estate', 'manufacturing', 'construction'],
    validity: 'long',
    number(_rng, c) {
      return `建字第${c.region.code}${civilDate(c.decisionDay).year}${pad(c.serial, 5)}号`;
    },
    content(rng) {
      return `建设项目：${pick(rng, PROJECTS)}；建设规模：${int(rng, 1000, 120000)}平方米`;
    },
  },
  {
    id: 'ZRZY-rural-planning',
    documentName: '乡村建设规划许可决定书',
    category: '普通',
    certificate: '乡村建设规划许可证',
    weight: 2,
    targets: { person: 10 },
    validity: 'long',
    number(_rng, c) {
      return `乡字第${districtOf(c)}${civilDate(c.decisionDay).year}${pad(c.serial, 5)}号`;
    },
    content(rng) {
      return `农村村民住宅建设，占地面积${int(rng, 60, 120)}平方米，建筑层数${int(rng, 2, 3)}层`;
    },
  },
];

/** 福州市公安局. */
export const POLICE_LICENCES: readonly LicenceTemplate[] = [
  {
    id: 'GA-hotel-special-trade',
    documentName: '特种行业许可决定书',
    category: '普通',
    certificate: '特种行业许可证',
    weight: 5,
    targets: { enterprise: 6, individual_business: 4 },
    sectors: ['tourism'],
    validity: 'long',
    number(_rng, c) {
      return `榕公特旅字${civilDate(c.decisionDay).year}${pad(c.serial, 5)}`;
    },
    content() {
      return '许可项目：旅馆业';
    },
  },
  {
    id: 'GA-seal-engraving',
    documentName: '特种行业许可决定书',
    category: '普通',
    certificate: '特种行业许可证',
    weight: 1,
    targets: { enterprise: 6, individual_business: 4 },
    sectors: ['services', 'retail'],
    validity: 'long',
    number(_rng, c) {
      return `榕公特章字${civilDate(c.decisionDay).year}${pad(c.serial, 5)}`;
    },
    content() {
      return '许可项目：公章刻制业';
    },
  },
  {
    id: 'GA-mass-event',
    documentName: '大型群众性活动安全许可决定书',
    category: '普通',
    docPrefix: '榕公活许',
    weight: 3,
    targets: { enterprise: 8, social_organisation: 2 },
    sectors: ['culture', 'tourism', 'services'],
    validity: { months: 1 },
    number(_rng, c) {
      return `榕公活许${civilDate(c.decisionDay).year}${pad(c.serial, 4)}`;
    },
    content(rng) {
      return `活动名称：${pick(rng, ['新年音乐会', '城市马拉松配套活动', '动漫展', '美食文化节', '演唱会'])}；预计参加人数：${int(rng, 1000, 30000)}人`;
    },
  },
];
