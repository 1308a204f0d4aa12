/**
 * Penalty cases by department: the violation, the article violated, the article applied, the
 * usual outcome under that article, and a statement of facts written the way decisions read.
 * Articles cite the laws in force in 2023–2026 (安全生产法 2021, 消防法 2021, 食品安全法 2021, …).
 * Amounts follow the statutory ranges; below the statutory minimum the decision also cites
 * 行政处罚法 art. 32 (mitigation), as real decisions do.
 */
import { formatDayChinese, civilDate } from './dates.js';
import type { Sector } from './names.js';
import { chance, int, logUniform, pick } from './rng.js';
import type { Rng } from './rng.js';
import type { DemoSubject, SubjectKind } from './subjects.js';
import type { PenaltyCategory } from './vocab.js';

/** What a template needs to know to write a case. */
export interface CaseContext {
  subject: DemoSubject;
  /** Day number of the decision. */
  decisionDay: number;
  /** Day number when the violation was found (before the decision). */
  foundDay: number;
  /** Name of the deciding department. */
  authority: string;
}

/** The outcome of one case. Money is in 分 (fen) so that formatting never meets a float error. */
export interface CaseOutcome {
  /** Statement of facts, without the closing “违反了…的规定” sentence, which the row builder adds. */
  fact: string;
  categories: PenaltyCategory[];
  /** 罚款, in fen. */
  fineFen?: number;
  /** 没收违法所得 / 没收非法财物, in fen. */
  confiscatedFen?: number;
  /** 暂扣或吊销证照名称及编号. */
  licenceAffected?: string;
  /** Months a licence is suspended or business stopped. */
  suspendedMonths?: number;
  /** Days of 行政拘留. */
  detentionDays?: number;
  /** The amount is below the statutory minimum: the decision cites the mitigation article. */
  mitigated?: boolean;
}

/** One kind of penalty case a department decides. */
export interface PenaltyTemplate {
  /** Stable identifier, e.g. `SCJG-food-expired`. */
  id: string;
  /** 违法行为类型 (CF_WFXW). */
  violation: string;
  /** The law or regulation, with book-title marks. */
  law: string;
  /** Article violated, e.g. 第三十四条第（十）项. */
  violated: string;
  /** When the article violated is in another law than the one applied (劳动法 → 劳动保障监察条例). */
  violatedLaw?: string;
  /** Article applied (处罚依据), e.g. 第一百二十四条第一款第（五）项. */
  basis: string;
  /** A second provision applied, cited after the first (e.g. the regulation that sets the amount). */
  extraBasis?: string;
  /** How the decision addresses the party; tax decisions say 你（单位）. */
  party?: string;
  /** Replaces the closing “违反了…的规定” sentence when the decision words it differently. */
  conclusion?: string;
  /** Relative frequency within the department. */
  weight: number;
  /** Relative frequency of each subject kind; kinds not listed never receive this penalty. */
  targets: Partial<Record<SubjectKind, number>>;
  /** Sectors the case usually concerns; subjects are drawn from them when possible. */
  sectors?: readonly Sector[];
  /** Fire, work and special-equipment safety: published at least a year (NDRC Order 58). */
  safety?: boolean;
  /** Document-number prefix when it differs from the department's (e.g. the tax 简易程序). */
  docPrefix?: string;
  build(rng: Rng, c: CaseContext): CaseOutcome;
}

const YUAN = 100;

/** A fine in fen, log-uniform between two amounts in yuan, rounded to `step` yuan. */
export function fineFen(rng: Rng, minYuan: number, maxYuan: number, step = 100): number {
  const yuan = Math.max(step, Math.round(logUniform(rng, minYuan, maxYuan) / step) * step);
  return yuan * YUAN;
}

/** `12,345.67元` / `50000元` as decisions write money. */
export function yuanText(fen: number): string {
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  return cents === 0 ? `${yuan}元` : `${yuan}.${String(cents).padStart(2, '0')}元`;
}

const d = formatDayChinese;
const ym = (day: number): string => {
  const { year, month } = civilDate(day);
  return `${year}年${month}月`;
};

/** The statutory fine for 食品安全法 arts. 122/124: 5–10万 under 1万 of goods, else 10–20× goods. */
function foodFine(rng: Rng, goodsFen: number): { fineFen: number; mitigated: boolean } {
  if (goodsFen >= 1_000_000) return { fineFen: Math.round((goodsFen * int(rng, 10, 20)) / 100) * 100, mitigated: false };
  if (chance(rng, 0.45)) return { fineFen: fineFen(rng, 5000, 45000, 500), mitigated: true };
  return { fineFen: fineFen(rng, 50000, 100000, 1000), mitigated: false };
}

const EXPIRED_FOODS = [
  ['预包装饼干', '袋'], ['酸奶', '瓶'], ['火腿肠', '包'], ['速冻水饺', '袋'], ['方便面', '桶'], ['瓶装饮料', '瓶'],
  ['预包装鱼丸', '袋'], ['糕点', '盒'], ['调味酱', '瓶'], ['奶粉', '罐'], ['坚果炒货', '袋'], ['肉燕（预包装）', '袋'],
] as const;
const RESIDUES = [
  ['豇豆', '噻虫胺', 'GB 2763-2021《食品安全国家标准 食品中农药最大残留限量》'],
  ['芹菜', '毒死蜱', 'GB 2763-2021《食品安全国家标准 食品中农药最大残留限量》'],
  ['韭菜', '腐霉利', 'GB 2763-2021《食品安全国家标准 食品中农药最大残留限量》'],
  ['普通白菜', '啶虫脒', 'GB 2763-2021《食品安全国家标准 食品中农药最大残留限量》'],
  ['鸡蛋', '恩诺沙星', 'GB 31650-2019《食品安全国家标准 食品中兽药最大残留限量》'],
  ['淡水鱼', '恩诺沙星', 'GB 31650-2019《食品安全国家标准 食品中兽药最大残留限量》'],
] as const;
const AD_WORDS = ['最佳', '顶级', '国家级', '最高级', '第一品牌', '全网销量第一'];
const AD_CHANNELS = ['微信公众号', '店铺门头招牌', '天猫店铺商品详情页', '抖音直播间', '宣传单页', '小程序商城'];
const SUBSTANDARD = [
  ['电线电缆', '导体电阻'], ['转换器（插座）', '插头尺寸'], ['儿童服装', '纤维含量'], ['电动自行车乘员头盔', '冲击吸收性能'],
  ['LED灯具', '骚扰电压'], ['热轧带肋钢筋', '重量偏差'], ['学生文具', '邻苯二甲酸酯含量'],
] as const;
const EQUIPMENT = [['乘客电梯', '台'], ['叉车', '辆'], ['储气罐（压力容器）', '台'], ['燃气蒸汽锅炉', '台'], ['桥式起重机', '台']] as const;
const PRODUCTS_AD = ['保健食品', '护肤品', '净水器', '房产项目', '培训课程', '茶叶礼盒'];

/** 福州市市场监督管理局. */
export const MARKET_TEMPLATES: readonly PenaltyTemplate[] = [
  {
    id: 'SCJG-food-expired',
    violation: '经营超过保质期的食品',
    law: '《中华人民共和国食品安全法》',
    violated: '第三十四条第（十）项',
    basis: '第一百二十四条第一款第（五）项',
    weight: 10,
    targets: { individual_business: 6, enterprise: 4 },
    sectors: ['food', 'catering', 'retail'],
    build(rng, c) {
      const [food, unit] = pick(rng, EXPIRED_FOODS);
      const qty = int(rng, 2, 60);
      const goods = qty * int(rng, 300, 3500);
      const income = Math.round(goods * (0.1 + rng() * 0.3));
      const fine = foodFine(rng, goods);
      return {
        fact: `经查，${formatDayChinese(c.foundDay)}，执法人员对当事人位于${c.subject.address}的经营场所进行检查，发现当事人经营的${food}${qty}${unit}已超过标注的保质期，货值金额${yuanText(goods)}，违法所得${yuanText(income)}。`,
        categories: income > 0 ? ['没收违法所得', '罚款'] : ['罚款'],
        confiscatedFen: income,
        ...fine,
      };
    },
  },
  {
    id: 'SCJG-food-residue',
    violation: '经营农药兽药残留超标的食用农产品',
    law: '《中华人民共和国食品安全法》',
    violated: '第三十四条第（二）项',
    basis: '第一百二十四条第一款第（一）项',
    weight: 6,
    targets: { enterprise: 5, individual_business: 5 },
    sectors: ['food', 'catering'],
    build(rng, c) {
      const [item, residue, standard] = pick(rng, RESIDUES);
      const kg = int(rng, 5, 120);
      const goods = kg * int(rng, 600, 2000);
      const income = Math.round(goods * 0.2);
      return {
        fact: `经查，${d(c.foundDay)}，${c.authority}依法对当事人经营的${item}进行监督抽检，经具有法定资质的检验机构检验，${residue}项目不符合${standard}要求，检验结论为不合格。当事人共购进该批次${item}${kg}公斤，已全部售出，货值金额${yuanText(goods)}，违法所得${yuanText(income)}。`,
        categories: ['没收违法所得', '罚款'],
        confiscatedFen: income,
        ...foodFine(rng, goods),
      };
    },
  },
  {
    id: 'SCJG-food-health-cert',
    violation: '安排未取得健康证明的人员从事接触直接入口食品的工作',
    law: '《中华人民共和国食品安全法》',
    violated: '第四十五条第一款',
    basis: '第一百二十六条第一款第（六）项',
    weight: 7,
    targets: { individual_business: 6, enterprise: 4 },
    sectors: ['catering', 'food'],
    build(rng, c) {
      const n = int(rng, 1, 4);
      const refused = chance(rng, 0.45);
      return {
        fact: `经查，${d(c.foundDay)}，执法人员检查发现当事人安排${n}名未取得有效健康证明的从业人员从事接触直接入口食品的工作${refused ? '。执法人员当场责令改正，复查时当事人仍未改正' : ''}。`,
        categories: refused ? ['警告', '罚款'] : ['警告'],
        ...(refused ? { fineFen: fineFen(rng, 5000, 20000, 500) } : {}),
      };
    },
  },
  {
    id: 'SCJG-food-unlicensed',
    violation: '未取得食品经营许可从事食品经营活动',
    law: '《中华人民共和国食品安全法》',
    violated: '第三十五条第一款',
    basis: '第一百二十二条第一款',
    weight: 5,
    targets: { individual_business: 5, enterprise: 3, person: 2 },
    sectors: ['catering', 'food'],
    build(rng, c) {
      const goods = int(rng, 500, 9000) * YUAN;
      const income = Math.round(goods * 0.25);
      return {
        fact: `经查，当事人自${ym(c.foundDay - int(rng, 30, 300))}起，在未取得食品经营许可证的情况下，在${c.subject.address}从事${pick(rng, ['热食类食品制售', '预包装食品销售', '冷食类食品制售', '自制饮品制售'])}活动，至案发时经营的食品货值金额${yuanText(goods)}，违法所得${yuanText(income)}。`,
        categories: ['没收违法所得', '罚款'],
        confiscatedFen: income,
        ...foodFine(rng, goods),
      };
    },
  },
  {
    id: 'SCJG-ad-superlative',
    violation: '发布含有绝对化用语的广告',
    law: '《中华人民共和国广告法》',
    violated: '第九条第（三）项',
    basis: '第五十七条第（一）项',
    weight: 5,
    targets: { enterprise: 8, individual_business: 2 },
    sectors: ['tech', 'health', 'retail', 'food', 'real_estate', 'culture'],
    build(rng, c) {
      const mitigated = chance(rng, 0.85);
      return {
        fact: `经查，当事人自${ym(c.foundDay - int(rng, 20, 200))}起在其${pick(rng, AD_CHANNELS)}发布${pick(rng, PRODUCTS_AD)}广告，广告中含有“${pick(rng, AD_WORDS)}”等绝对化用语，广告费用无法计算。`,
        categories: ['罚款'],
        fineFen: mitigated ? fineFen(rng, 3000, 50000, 1000) : fineFen(rng, 200000, 400000, 10000),
        mitigated,
      };
    },
  },
  {
    id: 'SCJG-price-unmarked',
    violation: '不按规定明码标价',
    law: '《中华人民共和国价格法》',
    violated: '第十三条第一款',
    basis: '第四十二条',
    weight: 6,
    targets: { individual_business: 6, enterprise: 4 },
    sectors: ['retail', 'food', 'catering', 'services', 'transport'],
    build(rng, c) {
      return {
        fact: `经查，${d(c.foundDay)}，执法人员检查发现当事人在经营场所销售的${int(rng, 5, 60)}种商品（服务）未按规定标示价格。`,
        categories: ['罚款'],
        fineFen: fineFen(rng, 200, 5000, 100),
      };
    },
  },
  {
    id: 'SCJG-product-substandard',
    violation: '销售不合格产品',
    law: '《中华人民共和国产品质量法》',
    violated: '第三十九条',
    basis: '第五十条',
    weight: 4,
    targets: { enterprise: 7, individual_business: 3 },
    sectors: ['retail', 'manufacturing', 'construction'],
    build(rng, c) {
      const [product, item] = pick(rng, SUBSTANDARD);
      const goods = int(rng, 1000, 200000) * YUAN;
      const income = Math.round(goods * (0.05 + rng() * 0.15));
      return {
        fact: `经查，${d(c.foundDay)}，${c.authority}对当事人销售的${product}进行监督抽查，经检验，${item}项目不合格。当事人共销售该批次产品货值金额${yuanText(goods)}，违法所得${yuanText(income)}。`,
        categories: ['没收违法所得', '罚款'],
        confiscatedFen: income,
        fineFen: Math.max(100 * YUAN, Math.round((goods * (0.5 + rng() * 1.0)) / 10000) * 10000),
      };
    },
  },
  {
    id: 'SCJG-equipment-unregistered',
    violation: '使用未办理使用登记的特种设备',
    law: '《中华人民共和国特种设备安全法》',
    violated: '第三十三条',
    basis: '第八十三条第（一）项',
    weight: 3,
    targets: { enterprise: 9, public_institution: 1 },
    sectors: ['manufacturing', 'real_estate', 'transport', 'tourism', 'retail', 'chemical'],
    safety: true,
    build(rng, c) {
      const [equipment, unit] = pick(rng, EQUIPMENT);
      return {
        fact: `经查，当事人于${ym(c.foundDay - int(rng, 60, 400))}投入使用${int(rng, 1, 4)}${unit}${equipment}，在投入使用前后均未向特种设备安全监督管理部门办理使用登记，经责令限期改正，逾期未改正。`,
        categories: ['罚款'],
        fineFen: fineFen(rng, 10000, 100000, 1000),
      };
    },
  },
  {
    id: 'SCJG-equipment-uninspected',
    violation: '使用未经定期检验的特种设备',
    law: '《中华人民共和国特种设备安全法》',
    violated: '第四十条第三款',
    basis: '第八十四条第（一）项',
    weight: 3,
    targets: { enterprise: 9, public_institution: 1 },
    sectors: ['manufacturing', 'real_estate', 'transport', 'tourism', 'retail', 'chemical'],
    safety: true,
    build(rng, c) {
      const [equipment, unit] = pick(rng, EQUIPMENT);
      return {
        fact: `经查，当事人使用的${int(rng, 1, 3)}${unit}${equipment}定期检验有效期已于${d(c.foundDay - int(rng, 30, 200))}届满，当事人未在有效期届满前一个月向特种设备检验机构提出定期检验要求，至${d(c.foundDay)}检查时仍在使用。`,
        categories: ['罚款'],
        fineFen: fineFen(rng, 30000, 300000, 1000),
      };
    },
  },
  {
    id: 'SCJG-registration-change',
    violation: '未依法办理变更登记',
    law: '《中华人民共和国市场主体登记管理条例》',
    violated: '第二十四条',
    basis: '第四十六条',
    weight: 2,
    targets: { enterprise: 10 },
    build(rng, c) {
      return {
        fact: `经查，当事人的实际经营场所已于${ym(c.foundDay - int(rng, 90, 500))}变更，当事人未在法定期限内申请变更登记。经${c.authority}责令改正，当事人逾期仍未改正。`,
        categories: ['罚款'],
        fineFen: fineFen(rng, 10000, 50000, 1000),
      };
    },
  },
];

const STANDARDS_AIR = [
  ['《大气污染物综合排放标准》（GB 16297-1996）', '颗粒物', 120],
  ['《锅炉大气污染物排放标准》（GB 13271-2014）', '氮氧化物', 200],
  ['《锅炉大气污染物排放标准》（GB 13271-2014）', '二氧化硫', 200],
  ['《工业涂装工序挥发性有机物排放标准》（DB35/1783-2018）', '非甲烷总烃', 60],
] as const;
const POLLUTANTS_WATER = [['化学需氧量', 100], ['氨氮', 15], ['总磷', 0.5], ['悬浮物', 70]] as const;
const PROJECTS = ['年产5000吨塑料制品', '五金配件加工', '纺织品印染', '家具喷涂', '混凝土搅拌站', '食品加工', '电路板组装', '汽车维修喷漆'];

/** 福州市生态环境局. */
export const ECOLOGY_TEMPLATES: readonly PenaltyTemplate[] = [
  {
    id: 'STHJ-air-exceed',
    violation: '超过大气污染物排放标准排放大气污染物',
    law: '《中华人民共和国大气污染防治法》',
    violated: '第十八条',
    basis: '第九十九条第（二）项',
    weight: 4,
    targets: { enterprise: 10 },
    sectors: ['manufacturing', 'chemical', 'construction'],
    build(rng, c) {
      const [standard, pollutant, limit] = pick(rng, STANDARDS_AIR);
      const ratio = 1.1 + rng() * 2.5;
      return {
        fact: `${d(c.foundDay)}，我局执法人员对当事人进行现场检查，并委托监测机构对其废气排放口进行采样监测。监测结果显示，${pollutant}排放浓度为${(limit * ratio).toFixed(1)}mg/m³，超过${standard}规定的排放限值${limit}mg/m³。`,
        categories: ['罚款'],
        fineFen: fineFen(rng, 100000, 600000, 10000),
      };
    },
  },
  {
    id: 'STHJ-vocs-unsealed',
    violation: '产生含挥发性有机物废气的生产活动未在密闭空间或设备中进行',
    law: '《中华人民共和国大气污染防治法》',
    violated: '第四十五条',
    basis: '第一百零八条第（一）项',
    weight: 3,
    targets: { enterprise: 9, individual_business: 1 },
    sectors: ['manufacturing', 'chemical', 'transport'],
    build(rng, c) {
      return {
        fact: `${d(c.foundDay)}，我局执法人员现场检查发现，当事人${pick(rng, ['喷漆', '调漆', '涂胶', '印刷'])}工序未在密闭空间或者设备中进行，未按照规定安装、使用污染防治设施，含挥发性有机物废气无组织排放。`,
        categories: ['罚款'],
        fineFen: fineFen(rng, 20000, 200000, 1000),
      };
    },
  },
  {
    id: 'STHJ-water-exceed',
    violation: '超过水污染物排放标准排放水污染物',
    law: '《中华人民共和国水污染防治法》',
    violated: '第十条',
    basis: '第八十三条第（二）项',
    weight: 3,
    targets: { enterprise: 10 },
    sectors: ['manufacturing', 'chemical', 'food', 'agriculture'],
    build(rng, c) {
      const [pollutant, limit] = pick(rng, POLLUTANTS_WATER);
      const ratio = 1.2 + rng() * 3;
      return {
        fact: `${d(c.foundDay)}，我局执法人员对当事人废水总排放口进行采样监测，监测结果显示${pollutant}浓度为${(limit * ratio).toFixed(2)}mg/L，超过《污水综合排放标准》（GB 8978-1996）规定的限值${limit}mg/L。`,
        categories: ['罚款'],
        fineFen: fineFen(rng, 100000, 800000, 10000),
      };
    },
  },
  {
    id: 'STHJ-eia-unapproved',
    violation: '建设项目环境影响评价文件未经批准擅自开工建设',
    law: '《中华人民共和国环境影响评价法》',
    violated: '第二十五条',
    basis: '第三十一条第一款',
    weight: 2,
    targets: { enterprise: 10 },
    sectors: ['manufacturing', 'chemical', 'construction', 'food'],
    build(rng, c) {
      const investment = int(rng, 80, 6000) * 10000 * YUAN;
      const pct = int(rng, 1, 3);
      return {
        fact: `经查，当事人${pick(rng, PROJECTS)}项目总投资${yuanText(investment)}，该项目环境影响评价文件未经审批，当事人即于${ym(c.foundDay - int(rng, 30, 300))}擅自开工建设。`,
        categories: ['罚款'],
        fineFen: Math.round((investment * pct) / 100 / 10000) * 10000,
      };
    },
  },
  {
    id: 'STHJ-facilities-unaccepted',
    violation: '需要配套建设的环境保护设施未经验收即投入生产',
    law: '《建设项目环境保护管理条例》',
    violated: '第十九条第一款',
    basis: '第二十三条第一款',
    weight: 2,
    targets: { enterprise: 10 },
    sectors: ['manufacturing', 'chemical', 'food'],
    build(rng, c) {
      return {
        fact: `经查，当事人${pick(rng, PROJECTS)}项目于${ym(c.foundDay - int(rng, 60, 400))}建成，其配套建设的环境保护设施未经验收，该项目即已投入生产。`,
        categories: ['罚款'],
        fineFen: fineFen(rng, 200000, 1000000, 10000),
      };
    },
  },
];

const TAXES = ['增值税', '个人所得税（代扣代缴）', '城市维护建设税', '印花税', '企业所得税', '房产税'];

/** 国家税务总局福州市税务局. */
export const TAX_TEMPLATES: readonly PenaltyTemplate[] = [
  {
    id: 'SW-late-filing',
    violation: '未按照规定期限办理纳税申报和报送纳税资料',
    law: '《中华人民共和国税收征收管理法》',
    violated: '第二十五条第一款',
    basis: '第六十二条',
    party: '你（单位）',
    weight: 10,
    targets: { enterprise: 6, individual_business: 4 },
    docPrefix: '榕税简罚',
    build(rng, c) {
      const { year, month } = civilDate(c.foundDay - 40);
      return {
        fact: `你（单位）未按照规定期限办理${year}年${month}月${pick(rng, TAXES)}纳税申报。`,
        categories: ['罚款'],
        fineFen: pick(rng, [50, 100, 200, 200, 500, 1000, 2000]) * YUAN,
      };
    },
  },
  {
    id: 'SW-registration-change',
    violation: '未按照规定期限办理税务变更登记',
    law: '《中华人民共和国税收征收管理法》',
    violated: '第十六条',
    basis: '第六十条第一款第（一）项',
    party: '你（单位）',
    weight: 3,
    targets: { enterprise: 7, individual_business: 3 },
    docPrefix: '榕税简罚',
    build(rng, c) {
      return {
        fact: `你（单位）${pick(rng, ['财务负责人', '经营地址', '银行账户'])}已于${d(c.foundDay - int(rng, 40, 200))}发生变化，未自变化之日起三十日内向税务机关申报办理变更登记。`,
        categories: ['罚款'],
        fineFen: pick(rng, [200, 500, 1000, 2000]) * YUAN,
      };
    },
  },
  {
    id: 'SW-evasion',
    violation: '偷税',
    law: '《中华人民共和国税收征收管理法》',
    violated: '第六十三条第一款',
    basis: '第六十三条第一款',
    conclusion: '根据《中华人民共和国税收征收管理法》第六十三条第一款的规定，你单位的上述行为已构成偷税。',
    weight: 2,
    targets: { enterprise: 10 },
    sectors: ['retail', 'construction', 'real_estate', 'manufacturing', 'services', 'tech'],
    docPrefix: '榕税稽罚',
    build(rng, c) {
      const { year } = civilDate(c.foundDay);
      const underpaid = Math.round(logUniform(rng, 30000, 8000000) * 100);
      const rate = pick(rng, [0.5, 0.5, 0.5, 1, 1, 1.5, 2]);
      return {
        fact: `经查，你单位在${year - 2}年1月1日至${year - 1}年12月31日期间，通过${pick(rng, ['账外经营、隐匿销售收入', '在账簿上多列支出', '取得不符合规定的发票列支成本', '进行虚假的纳税申报'])}的手段，少缴${pick(rng, ['增值税', '企业所得税', '增值税及附加税费'])}${yuanText(underpaid)}。`,
        categories: ['罚款'],
        fineFen: Math.round(underpaid * rate),
      };
    },
  },
];

/** 福州市应急管理局. */
export const SAFETY_TEMPLATES: readonly PenaltyTemplate[] = [
  {
    id: 'YJGL-training',
    violation: '未按照规定对从业人员进行安全生产教育和培训',
    law: '《中华人民共和国安全生产法》',
    violated: '第二十八条第一款',
    basis: '第九十七条第（三）项',
    weight: 4,
    targets: { enterprise: 10 },
    sectors: ['manufacturing', 'chemical', 'construction', 'transport'],
    safety: true,
    build(rng, c) {
      return {
        fact: `${d(c.foundDay)}，执法人员对当事人进行安全生产检查，发现当事人未按照规定对${int(rng, 2, 30)}名从业人员进行安全生产教育和培训，无法提供培训记录。`,
        categories: ['罚款'],
        fineFen: fineFen(rng, 5000, 60000, 1000),
      };
    },
  },
  {
    id: 'YJGL-hazard-system',
    violation: '未建立事故隐患排查治理制度',
    law: '《中华人民共和国安全生产法》',
    violated: '第四十一条第二款',
    basis: '第一百零一条第（五）项',
    weight: 3,
    targets: { enterprise: 10 },
    sectors: ['manufacturing', 'chemical', 'construction'],
    safety: true,
    build(rng, c) {
      return {
        fact: `${d(c.foundDay)}，执法人员检查发现，当事人未建立生产安全事故隐患排查治理制度，未如实记录事故隐患排查治理情况。`,
        categories: ['罚款'],
        fineFen: fineFen(rng, 10000, 80000, 1000),
      };
    },
  },
  {
    id: 'YJGL-special-operator',
    violation: '特种作业人员未按照规定经专门的安全作业培训并取得相应资格上岗作业',
    law: '《中华人民共和国安全生产法》',
    violated: '第三十条第一款',
    basis: '第九十七条第（七）项',
    weight: 3,
    targets: { enterprise: 10 },
    sectors: ['manufacturing', 'construction', 'chemical'],
    safety: true,
    build(rng, c) {
      return {
        fact: `${d(c.foundDay)}，执法人员检查发现，当事人安排${int(rng, 1, 3)}名未取得特种作业操作证的人员从事${pick(rng, ['电工作业', '焊接与热切割作业', '高处作业', '制冷与空调作业'])}。`,
        categories: ['罚款'],
        fineFen: fineFen(rng, 10000, 50000, 1000),
      };
    },
  },
  {
    id: 'YJGL-hazchem-unlicensed',
    violation: '未取得危险化学品经营许可证经营危险化学品',
    law: '《危险化学品安全管理条例》',
    violated: '第三十三条第一款',
    basis: '第七十七条第三款',
    weight: 1,
    targets: { enterprise: 7, individual_business: 3 },
    sectors: ['chemical', 'retail'],
    safety: true,
    build(rng, c) {
      const income = int(rng, 500, 30000) * YUAN;
      return {
        fact: `经查，当事人在未取得危险化学品经营许可证的情况下，自${ym(c.foundDay - int(rng, 30, 300))}起经营${pick(rng, ['油漆稀释剂', '乙醇', '液化石油气', '丙酮', '工业用甲醇'])}，违法所得${yuanText(income)}。`,
        categories: ['没收违法所得', '没收非法财物', '罚款'],
        confiscatedFen: income,
        fineFen: fineFen(rng, 100000, 200000, 10000),
      };
    },
  },
];

/** 福州市城乡建设局. */
export const CONSTRUCTION_TEMPLATES: readonly PenaltyTemplate[] = [
  {
    id: 'ZJ-dust',
    violation: '施工工地未采取有效防尘降尘措施',
    law: '《中华人民共和国大气污染防治法》',
    violated: '第六十九条第三款',
    basis: '第一百一十五条第一款第（一）项',
    weight: 4,
    targets: { enterprise: 10 },
    sectors: ['construction', 'real_estate'],
    build(rng, c) {
      return {
        fact: `${d(c.foundDay)}，执法人员检查发现，当事人承建的${pick(rng, ['安置房', '商住楼', '道路改造', '学校', '厂房'])}项目施工工地${pick(rng, ['裸露土方未覆盖', '未设置硬质围挡', '运输车辆未冲洗出场', '未采取洒水抑尘措施'])}，扬尘污染明显。`,
        categories: ['罚款'],
        fineFen: fineFen(rng, 10000, 100000, 1000),
      };
    },
  },
  {
    id: 'ZJ-no-permit',
    violation: '未取得施工许可证擅自施工',
    law: '《中华人民共和国建筑法》',
    violated: '第七条第一款',
    basis: '第六十四条',
    weight: 2,
    targets: { enterprise: 10 },
    sectors: ['construction', 'real_estate', 'manufacturing'],
    build(rng, c) {
      const contract = int(rng, 100, 20000) * 10000 * YUAN;
      return {
        fact: `经查，当事人${pick(rng, ['综合楼', '厂房', '商业综合体', '仓储用房'])}工程合同价款${yuanText(contract)}，在未取得施工许可证的情况下，于${ym(c.foundDay - int(rng, 20, 200))}擅自开工建设。`,
        categories: ['罚款'],
        fineFen: Math.round(((contract * (1 + rng())) / 100) / 10000) * 10000,
      };
    },
  },
  {
    id: 'ZJ-not-per-design',
    violation: '施工单位未按照工程设计图纸或者施工技术标准施工',
    law: '《建设工程质量管理条例》',
    violated: '第二十八条第一款',
    basis: '第六十四条',
    weight: 2,
    targets: { enterprise: 10 },
    sectors: ['construction'],
    build(rng, c) {
      const contract = int(rng, 100, 8000) * 10000 * YUAN;
      return {
        fact: `${d(c.foundDay)}，执法人员监督检查发现，当事人承建的工程（合同价款${yuanText(contract)}）在施工过程中${pick(rng, ['擅自减少钢筋配置', '混凝土强度未达到设计要求', '未按设计要求设置防水层'])}，未按照工程设计图纸施工。`,
        categories: ['罚款'],
        fineFen: Math.round(((contract * (2 + 2 * rng())) / 100) / 10000) * 10000,
      };
    },
  },
];

/** 福州市交通运输局. */
export const TRANSPORT_TEMPLATES: readonly PenaltyTemplate[] = [
  {
    id: 'JT-illegal-passenger',
    violation: '未取得道路运输经营许可擅自从事道路客运经营',
    law: '《中华人民共和国道路运输条例》',
    violated: '第十条',
    basis: '第六十三条第（二）项',
    weight: 4,
    targets: { person: 7, enterprise: 3 },
    sectors: ['transport', 'tourism'],
    build(rng, c) {
      return {
        fact: `${d(c.foundDay)}，执法人员在${pick(rng, ['福州火车站', '福州南站', '长乐国际机场', '福州汽车北站'])}附近检查发现，当事人驾驶的小型客车未取得道路运输经营许可，擅自从事道路旅客运输经营，载客${int(rng, 2, 6)}人。`,
        categories: ['罚款'],
        fineFen: fineFen(rng, 10000, 30000, 1000),
      };
    },
  },
  {
    id: 'JT-overload',
    violation: '车辆超限运输',
    law: '《公路安全保护条例》',
    violated: '第三十三条第一款',
    basis: '第六十四条',
    weight: 3,
    targets: { enterprise: 6, person: 4 },
    sectors: ['transport', 'construction'],
    build(rng, c) {
      const total = int(rng, 50, 70);
      return {
        fact: `${d(c.foundDay)}，当事人所属${c.subject.kind === 'person' ? '' : '的'}${int(rng, 4, 6)}轴货车在${pick(rng, ['G15沈海高速', 'G316国道', 'G104国道', '福银高速'])}福州段经检测车货总质量${total}吨，超过限定标准。`,
        categories: ['罚款'],
        fineFen: fineFen(rng, 500, 30000, 100),
      };
    },
  },
];

/** 福州市卫生健康委员会. */
export const HEALTH_TEMPLATES: readonly PenaltyTemplate[] = [
  {
    id: 'WJW-unlicensed-practice',
    violation: '非医师行医',
    law: '《中华人民共和国医师法》',
    violated: '第十三条第四款',
    basis: '第五十九条',
    weight: 3,
    targets: { person: 10 },
    build(rng, c) {
      const income = int(rng, 200, 9000) * YUAN;
      return {
        fact: `经查，当事人未取得医师资格及医师执业证书，自${ym(c.foundDay - int(rng, 30, 300))}起在${c.subject.address}开展${pick(rng, ['输液', '拔牙', '针灸推拿治疗', '开具处方'])}等诊疗活动，违法所得${yuanText(income)}（不足一万元按一万元计算）。`,
        categories: ['没收违法所得', '没收非法财物', '罚款'],
        confiscatedFen: income,
        fineFen: int(rng, 2, 6) * 10000 * YUAN,
      };
    },
  },
  {
    id: 'WJW-public-place-health',
    violation: '公共场所经营者允许未取得健康合格证明的从业人员从事直接为顾客服务工作',
    law: '《公共场所卫生管理条例实施细则》',
    violated: '第十条',
    basis: '第三十八条',
    weight: 4,
    targets: { individual_business: 6, enterprise: 4 },
    sectors: ['services', 'tourism', 'culture'],
    build(rng, c) {
      return {
        fact: `${d(c.foundDay)}，卫生监督员对当事人经营场所进行检查，发现当事人${int(rng, 1, 5)}名从业人员未取得有效健康合格证明即从事直接为顾客服务的工作。`,
        categories: ['警告', '罚款'],
        fineFen: fineFen(rng, 500, 5000, 100),
      };
    },
  },
  {
    id: 'WJW-occupational-declaration',
    violation: '未按照规定及时、如实申报产生职业病危害的项目',
    law: '《中华人民共和国职业病防治法》',
    violated: '第十六条第一款',
    basis: '第七十一条第（一）项',
    weight: 2,
    targets: { enterprise: 10 },
    sectors: ['manufacturing', 'chemical', 'construction'],
    build(rng, c) {
      return {
        fact: `${d(c.foundDay)}，执法人员检查发现，当事人工作场所存在${pick(rng, ['噪声', '粉尘', '苯系物', '电焊烟尘'])}等职业病危害因素，当事人未按照规定向卫生健康主管部门申报职业病危害项目。`,
        categories: ['警告', '罚款'],
        fineFen: fineFen(rng, 50000, 100000, 5000),
      };
    },
  },
];

/** 福州市城市管理委员会. */
export const URBAN_TEMPLATES: readonly PenaltyTemplate[] = [
  {
    id: 'CG-illegal-building',
    violation: '未取得建设工程规划许可证进行建设',
    law: '《中华人民共和国城乡规划法》',
    violated: '第四十条第一款',
    basis: '第六十四条',
    weight: 3,
    targets: { enterprise: 6, individual_business: 2, person: 2 },
    build(rng, c) {
      const area = int(rng, 12, 600);
      const cost = area * int(rng, 800, 2000) * YUAN;
      return {
        fact: `经查，当事人未取得建设工程规划许可证，于${ym(c.foundDay - int(rng, 20, 200))}在${c.subject.address}${pick(rng, ['楼顶', '院内', '沿街'])}搭建${pick(rng, ['钢结构', '砖混结构', '彩钢板'])}建筑物，建筑面积${area}平方米，工程造价${yuanText(cost)}，尚可采取改正措施消除对规划实施的影响。`,
        categories: ['罚款'],
        fineFen: Math.round((cost * (0.05 + rng() * 0.05)) / 100) * 100,
      };
    },
  },
  {
    id: 'CG-cooking-fumes',
    violation: '餐饮服务业经营者超过排放标准排放油烟',
    law: '《中华人民共和国大气污染防治法》',
    violated: '第八十一条第一款',
    basis: '第一百一十八条第一款',
    weight: 5,
    targets: { individual_business: 7, enterprise: 3 },
    sectors: ['catering'],
    build(rng, c) {
      return {
        fact: `${d(c.foundDay)}，执法人员检查发现，当事人${pick(rng, ['未安装油烟净化设施', '不正常使用油烟净化设施', '油烟净化设施长期未清洗'])}，油烟直接排放，经检测超过《饮食业油烟排放标准》规定的限值。`,
        categories: ['罚款'],
        fineFen: fineFen(rng, 5000, 20000, 500),
      };
    },
  },
  {
    id: 'CG-construction-waste',
    violation: '随意倾倒、抛撒或者堆放建筑垃圾',
    law: '《城市建筑垃圾管理规定》',
    violated: '第十五条',
    basis: '第二十六条',
    weight: 3,
    targets: { enterprise: 7, person: 3 },
    sectors: ['construction', 'transport'],
    build(rng, c) {
      const person = c.subject.kind === 'person';
      return {
        fact: `${d(c.foundDay)}，执法人员巡查发现，当事人${person ? '驾驶车辆' : '所属运输车辆'}在${pick(rng, ['三环路', '二环路', '福飞路', '则徐大道', '化工路'])}沿线随意倾倒建筑垃圾约${int(rng, 2, 30)}立方米。`,
        categories: person && chance(rng, 0.5) ? ['警告'] : ['警告', '罚款'],
        fineFen: person ? fineFen(rng, 50, 200, 50) : fineFen(rng, 5000, 50000, 1000),
      };
    },
  },
];

/** 福州市消防救援支队. */
export const FIRE_TEMPLATES: readonly PenaltyTemplate[] = [
  {
    id: 'XF-facilities',
    violation: '消防设施、器材未保持完好有效',
    law: '《中华人民共和国消防法》',
    violated: '第十六条第一款第（二）项',
    basis: '第六十条第一款第（一）项',
    weight: 5,
    targets: { enterprise: 7, individual_business: 2, public_institution: 1 },
    sectors: ['tourism', 'retail', 'manufacturing', 'real_estate', 'culture', 'catering'],
    safety: true,
    build(rng, c) {
      return {
        fact: `${d(c.foundDay)}，消防救援机构对当事人进行消防监督检查，发现当事人${pick(rng, ['室内消火栓无水', '火灾自动报警系统故障', '自动喷水灭火系统处于关闭状态', '应急照明灯损坏', '防火门闭门器损坏'])}，消防设施、器材未保持完好有效。`,
        categories: ['罚款'],
        fineFen: fineFen(rng, 5000, 50000, 1000),
      };
    },
  },
  {
    id: 'XF-exits',
    violation: '占用、堵塞、封闭疏散通道、安全出口',
    law: '《中华人民共和国消防法》',
    violated: '第二十八条',
    basis: '第六十条第一款第（三）项',
    weight: 4,
    targets: { enterprise: 6, individual_business: 4 },
    sectors: ['tourism', 'retail', 'catering', 'culture', 'manufacturing'],
    safety: true,
    build(rng, c) {
      return {
        fact: `${d(c.foundDay)}，消防救援机构检查发现，当事人经营场所${pick(rng, ['安全出口上锁', '疏散通道堆放杂物', '疏散楼梯间堆放货物'])}，占用、堵塞、封闭疏散通道、安全出口。`,
        categories: ['罚款'],
        fineFen: fineFen(rng, 5000, 30000, 1000),
      };
    },
  },
  {
    id: 'XF-no-inspection',
    violation: '公众聚集场所未经消防救援机构许可擅自投入使用、营业',
    law: '《中华人民共和国消防法》',
    violated: '第十五条第一款',
    basis: '第五十八条第一款第（四）项',
    weight: 2,
    targets: { enterprise: 7, individual_business: 3 },
    sectors: ['tourism', 'culture', 'catering', 'retail'],
    safety: true,
    build(rng, c) {
      const stop = chance(rng, 0.4);
      return {
        fact: `经查，当事人经营的${pick(rng, ['KTV', '宾馆', '网吧', '商场', '培训机构', '健身房'])}属于公众聚集场所，未经消防救援机构许可，于${ym(c.foundDay - int(rng, 20, 200))}擅自投入使用、营业。`,
        categories: stop ? ['责令停产停业', '罚款'] : ['罚款'],
        fineFen: fineFen(rng, 30000, 100000, 1000),
        ...(stop ? { suspendedMonths: int(rng, 1, 3) } : {}),
      };
    },
  },
];

/** 福州市人力资源和社会保障局. */
export const HR_TEMPLATES: readonly PenaltyTemplate[] = [
  {
    id: 'RS-social-insurance',
    violation: '用人单位未依法办理社会保险登记',
    law: '《中华人民共和国社会保险法》',
    violated: '第五十八条第一款',
    basis: '第八十四条',
    weight: 3,
    targets: { enterprise: 9, social_organisation: 1 },
    build(rng, c) {
      const due = int(rng, 3000, 200000) * YUAN;
      return {
        fact: `经查，当事人自${ym(c.foundDay - int(rng, 120, 500))}起未为${int(rng, 2, 40)}名职工办理社会保险登记，应缴社会保险费${yuanText(due)}。经责令限期改正，当事人逾期未改正。`,
        categories: ['罚款'],
        fineFen: due * int(rng, 1, 3),
      };
    },
  },
  {
    id: 'RS-overtime',
    violation: '违反劳动保障法律法规延长劳动者工作时间',
    law: '《劳动保障监察条例》',
    violatedLaw: '《中华人民共和国劳动法》',
    violated: '第四十一条',
    basis: '第二十五条',
    weight: 3,
    targets: { enterprise: 10 },
    sectors: ['manufacturing', 'services', 'retail', 'catering'],
    build(rng, c) {
      const n = int(rng, 5, 80);
      return {
        fact: `经查，当事人在${ym(c.foundDay - 60)}期间安排${n}名劳动者每月加班时间超过法定标准。`,
        categories: ['警告', '罚款'],
        fineFen: n * int(rng, 1, 5) * 100 * YUAN,
      };
    },
  },
  {
    id: 'RS-roster',
    violation: '用人单位未建立职工名册',
    law: '《中华人民共和国劳动合同法实施条例》',
    violated: '第八条',
    basis: '第三十三条',
    weight: 2,
    targets: { enterprise: 10 },
    build(rng) {
      return {
        fact: `经查，当事人未依法建立职工名册，经劳动保障监察机构责令限期改正，当事人逾期仍未改正。`,
        categories: ['罚款'],
        fineFen: fineFen(rng, 2000, 20000, 500),
      };
    },
  },
];

/** 福州市文化体育和旅游局. */
export const CULTURE_TEMPLATES: readonly PenaltyTemplate[] = [
  {
    id: 'WL-unlicensed-travel',
    violation: '未经许可经营旅行社业务',
    law: '《中华人民共和国旅游法》',
    violated: '第二十八条',
    basis: '第九十五条第一款',
    weight: 3,
    targets: { enterprise: 8, person: 2 },
    sectors: ['tourism', 'culture', 'services'],
    build(rng, c) {
      const income = int(rng, 1000, 30000) * YUAN;
      return {
        fact: `经查，当事人未取得旅行社业务经营许可，于${ym(c.foundDay - int(rng, 20, 200))}组织${int(rng, 10, 60)}名游客赴${pick(rng, ['武夷山', '厦门', '平潭', '永泰', '霞浦'])}旅游，违法所得${yuanText(income)}。`,
        categories: ['没收违法所得', '罚款'],
        confiscatedFen: income,
        fineFen: fineFen(rng, 10000, 100000, 1000),
      };
    },
  },
  {
    id: 'WL-internet-cafe-minors',
    violation: '互联网上网服务营业场所接纳未成年人',
    law: '《互联网上网服务营业场所管理条例》',
    violated: '第二十一条',
    basis: '第三十一条第（二）项',
    weight: 2,
    targets: { individual_business: 6, enterprise: 4 },
    sectors: ['culture'],
    build(rng, c) {
      const fine = chance(rng, 0.6);
      return {
        fact: `${d(c.foundDay)}，执法人员检查发现，当事人经营的网吧内有${int(rng, 1, 4)}名未成年人正在上网。`,
        categories: fine ? ['警告', '罚款'] : ['警告'],
        ...(fine ? { fineFen: fineFen(rng, 1000, 15000, 500) } : {}),
      };
    },
  },
];

/** 福州市自然资源和规划局. */
export const LAND_TEMPLATES: readonly PenaltyTemplate[] = [
  {
    id: 'ZRZY-illegal-occupation',
    violation: '未经批准非法占用土地',
    law: '《中华人民共和国土地管理法》',
    violated: '第四十四条第一款',
    basis: '第七十七条第一款',
    extraBasis: '《中华人民共和国土地管理法实施条例》第五十八条',
    weight: 3,
    targets: { enterprise: 8, person: 2 },
    sectors: ['manufacturing', 'construction', 'agriculture', 'real_estate'],
    build(rng, c) {
      const area = int(rng, 50, 5000);
      return {
        fact: `经查，当事人未经批准，于${ym(c.foundDay - int(rng, 30, 400))}擅自占用${pick(rng, ['闽侯县', '长乐区', '福清市', '连江县'])}集体土地${area}平方米（其中农用地${Math.round(area * 0.6)}平方米）建设${pick(rng, ['厂房', '仓库', '停车场', '临时办公用房'])}，不符合国土空间规划。`,
        categories: ['罚款'],
        fineFen: area * int(rng, 100, 300) * YUAN,
      };
    },
  },
  {
    id: 'ZRZY-unqualified-surveying',
    violation: '未取得测绘资质证书擅自从事测绘活动',
    law: '《中华人民共和国测绘法》',
    violated: '第二十七条第一款',
    basis: '第五十五条第一款',
    weight: 1,
    targets: { enterprise: 10 },
    sectors: ['tech', 'construction', 'services'],
    build(rng, c) {
      const fee = int(rng, 5000, 200000) * YUAN;
      return {
        fact: `经查，当事人未取得测绘资质证书，于${ym(c.foundDay - int(rng, 20, 300))}承接${pick(rng, ['地形图测绘', '房产测绘', '工程测量'])}项目，约定测绘报酬${yuanText(fee)}。`,
        categories: ['没收违法所得', '罚款'],
        confiscatedFen: Math.round(fee * 0.3),
        fineFen: Math.round(fee * (1 + rng())),
      };
    },
  },
];

/** 福州市公安局. */
export const POLICE_TEMPLATES: readonly PenaltyTemplate[] = [
  {
    id: 'GA-drink-driving',
    violation: '饮酒后驾驶机动车',
    law: '《中华人民共和国道路交通安全法》',
    violated: '第二十二条第二款',
    basis: '第九十一条第一款',
    weight: 4,
    targets: { person: 10 },
    docPrefix: '榕公交决字',
    build(rng, c) {
      return {
        fact: `${d(c.foundDay)}${int(rng, 0, 23)}时许，当事人饮酒后驾驶小型汽车行驶至${pick(rng, ['五四路', '福飞路', '六一路', '工业路', '二环路'])}时被查获，经呼气酒精含量检测，血液中酒精含量为${int(rng, 20, 79)}mg/100ml。`,
        categories: ['暂扣许可证件', '罚款'],
        fineFen: pick(rng, [1000, 1500, 2000]) * YUAN,
        licenceAffected: '机动车驾驶证',
        suspendedMonths: 6,
      };
    },
  },
  {
    id: 'GA-unlicensed-driving',
    violation: '未取得机动车驾驶证驾驶机动车',
    law: '《中华人民共和国道路交通安全法》',
    violated: '第十九条第一款',
    basis: '第九十九条第一款第（一）项',
    weight: 2,
    targets: { person: 10 },
    docPrefix: '榕公交决字',
    build(rng, c) {
      const detained = chance(rng, 0.5);
      return {
        fact: `${d(c.foundDay)}，当事人未取得机动车驾驶证驾驶${pick(rng, ['小型汽车', '普通二轮摩托车', '轻型货车'])}在道路上行驶，被执勤民警查获。`,
        categories: detained ? ['罚款', '行政拘留'] : ['罚款'],
        fineFen: pick(rng, [500, 1000, 1500, 2000]) * YUAN,
        ...(detained ? { detentionDays: int(rng, 3, 15) } : {}),
      };
    },
  },
  {
    id: 'GA-network-security',
    violation: '网络运营者不履行网络安全保护义务',
    law: '《中华人民共和国网络安全法》',
    violated: '第二十一条',
    basis: '第五十九条第一款',
    weight: 2,
    targets: { enterprise: 10 },
    sectors: ['tech', 'culture', 'services'],
    build(rng, c) {
      const fine = chance(rng, 0.4);
      return {
        fact: `${d(c.foundDay)}，公安机关网安部门检查发现，当事人运营的${pick(rng, ['网站', '信息系统', '手机应用程序'])}未落实网络安全等级保护制度，未采取防范计算机病毒和网络攻击的技术措施，存在${pick(rng, ['高危漏洞', '弱口令', '数据泄露风险'])}。`,
        categories: fine ? ['警告', '罚款'] : ['警告'],
        ...(fine ? { fineFen: fineFen(rng, 10000, 100000, 1000) } : {}),
      };
    },
  },
];
