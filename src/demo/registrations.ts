/**
 * 市场主体登记信息 rows (topic DJXX) for the city's enterprises and 个体工商户, as the market regulation
 * department submits them: one row per approval, so a subject that was revoked or cancelled has its
 * establishment row and the later one. Valid by construction.
 */
import { createRng, USCC_PLACEHOLDER } from '../codes/index.js';
import { REGISTRATION_TOPIC } from '../catalog/builtin-topics.js';
import { addMonths, formatDay, parseDay, toWorkingDay } from './dates.js';
import type { Sector } from './names.js';
import { subjectCategory } from './records.js';
import type { SubjectPool } from './records.js';
import { districtByCode, FUZHOU } from './region.js';
import type { DemoRegion } from './region.js';
import { chance, deriveSeed, int, logUniform, pick } from './rng.js';
import type { Rng } from './rng.js';
import type { DemoEnterprise, DemoIndividualBusiness } from './subjects.js';

/** 市场主体登记信息 columns, in the catalogue's order. */
export const REGISTRATION_COLUMNS: readonly string[] = REGISTRATION_TOPIC.items.map((item) => item.code);

/** Options of `registrationRows`. */
export interface RegistrationOptions {
  seed: number;
  /** `YYYY-MM-DD`: no approval lies after it. */
  today: string;
  /** Share of subjects whose business licence was revoked (吊销); default 0.03. */
  revokedRate?: number;
  /** Share of subjects that were deregistered (注销); default 0.04 (个体工商户 twice as often). */
  cancelledRate?: number;
  region?: DemoRegion;
}

/** 企业类型 as the registration shows it, from the enterprise's 组织形式. */
const ENTERPRISE_TYPES: Readonly<Record<string, string>> = {
  有限公司: '有限责任公司（自然人投资或控股）',
  有限责任公司: '有限责任公司（自然人投资或控股）',
  股份有限公司: '股份有限公司（非上市、自然人投资或控股）',
  分公司: '有限责任公司分公司（自然人投资或控股）',
  '合伙企业（有限合伙）': '有限合伙企业',
  '合伙企业（普通合伙）': '普通合伙企业',
  个人独资企业: '个人独资企业',
  农民专业合作社: '农民专业合作社',
};

/** 经营范围 by sector, in the 经营范围规范表述 style. */
const SCOPES: Readonly<Record<Sector, string>> = {
  catering: '餐饮服务；食品销售（仅销售预包装食品）。（依法须经批准的项目，经相关部门批准后方可开展经营活动）',
  food: '食品销售；食用农产品零售；食用农产品批发；日用百货销售。（依法须经批准的项目，经相关部门批准后方可开展经营活动）',
  retail: '日用百货销售；五金产品零售；服装服饰零售；电子产品销售；货物进出口；技术进出口。',
  manufacturing: '通用设备制造（不含特种设备制造）；机械零件、零部件加工；塑料制品制造；货物进出口。',
  chemical: '化工产品销售（不含许可类化工产品）；专用化学产品制造（不含危险化学品）；环保咨询服务。',
  construction: '建设工程施工；住宅室内装饰装修；建筑材料销售；园林绿化工程施工。（依法须经批准的项目，经相关部门批准后方可开展经营活动）',
  real_estate: '房地产开发经营；物业管理；非居住房地产租赁；住房租赁。',
  transport: '道路货物运输（不含危险货物）；国内货物运输代理；机动车修理和维护；汽车租赁。',
  tech: '软件开发；信息系统集成服务；技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；计算机软硬件及辅助设备零售。',
  health: '药品零售；第二类医疗器械销售；保健食品（预包装）销售；健康咨询服务（不含诊疗服务）。',
  tourism: '旅游业务；住宿服务；酒店管理；会议及展览服务。（依法须经批准的项目，经相关部门批准后方可开展经营活动）',
  culture: '广告设计、代理；组织文化艺术交流活动；教育咨询服务（不含涉许可审批的教育培训活动）。',
  services: '企业管理咨询；劳务服务（不含劳务派遣）；家政服务；人力资源服务（不含职业中介活动、劳务派遣服务）。',
  finance: '以自有资金从事投资活动；企业管理；信息咨询服务（不含许可类信息咨询服务）。',
  agriculture: '蔬菜种植；水果种植；茶叶种植；农产品的生产、销售、加工、运输、贮藏及其他相关服务。',
};

/** The authority that registered a subject of this division: the district's bureau, or the city's for some companies. */
function authorityOf(regionCode: string, region: DemoRegion, cityLevel: boolean): string {
  const district = districtByCode(regionCode, region);
  if (cityLevel || !district) return `${region.name}市场监督管理局`;
  return district.level === '区' ? `${region.name}${district.name}市场监督管理局` : `${district.name}市场监督管理局`;
}

/** 注册资本 in 万元: log-uniform, rounded the way capital is subscribed (10, 50, 100, 500, 1000 …). */
function capitalOf(rng: Rng, subject: DemoEnterprise | DemoIndividualBusiness): string {
  if (subject.kind === 'individual_business') return chance(rng, 0.6) ? String(pick(rng, [1, 2, 3, 5, 10, 20, 30, 50])) : '';
  if (subject.form === '分公司') return '';
  const raw = logUniform(rng, 10, subject.form === '股份有限公司' ? 20_000 : 5_000);
  const step = raw >= 1000 ? 500 : raw >= 100 ? 50 : 10;
  return String(Math.max(step, Math.round(raw / step) * step));
}

/**
 * The registration rows of the pool's enterprises and 个体工商户 (public institutions and social
 * organisations are registered elsewhere): most are 存续, their approval date the establishment or a
 * later change; a few are 吊销 or 注销, with their establishment row and the later decision. Identical
 * for the same options.
 */
export function registrationRows(pool: Pick<SubjectPool, 'enterprises' | 'individualBusinesses'>, opts: RegistrationOptions): Record<string, string>[] {
  const rng = createRng(deriveSeed(opts.seed, 'registrations'));
  const region = opts.region ?? FUZHOU;
  const today = parseDay(opts.today);
  const revokedRate = opts.revokedRate ?? 0.03;
  const cancelledRate = opts.cancelledRate ?? 0.04;
  const rows: Record<string, string>[] = [];
  for (const subject of [...pool.enterprises, ...pool.individualBusinesses]) {
    const established = parseDay(subject.establishedOn);
    const cityLevel = subject.kind === 'enterprise' && (subject.form === '股份有限公司' || chance(rng, 0.08));
    const base: Record<string, string> = {
      DJ_ZTMC: subject.name,
      DJ_ZTLB: subjectCategory(subject),
      DJ_SHXYM: subject.uscc ?? USCC_PLACEHOLDER,
      DJ_GSZC: subject.regNo ?? '',
      DJ_ZTLX: subject.kind === 'enterprise' ? (ENTERPRISE_TYPES[subject.form] ?? subject.form) : '个体工商户',
      DJ_FRDB: subject.legalRepName,
      DJ_FR_ZJLX: subject.legalRepIdType,
      DJ_FR_ZJHM: subject.legalRepId,
      DJ_CLRQ: subject.establishedOn,
      DJ_ZCZB: capitalOf(rng, subject),
      DJ_ZS: subject.address,
      DJ_JYFW: SCOPES[subject.sector],
      DJ_DJJG: authorityOf(subject.region, region, cityLevel),
      BZ: '',
    };
    const roll = rng();
    const ends = subject.kind === 'individual_business' ? 2 : 1;
    // Revoked or cancelled at least a year after establishment; a subject younger than that stays 存续.
    const earliestEnd = addMonths(established, 12);
    if (roll < (revokedRate + cancelledRate) * ends && earliestEnd < today) {
      rows.push({ ...base, DJ_DJZT: '存续', DJ_HZRQ: subject.establishedOn });
      const day = Math.min(today, toWorkingDay(int(rng, earliestEnd, today)));
      rows.push({ ...base, DJ_DJZT: roll < revokedRate * ends ? '吊销' : '注销', DJ_HZRQ: formatDay(day) });
      continue;
    }
    // Many registrations changed since (address, scope, legal representative): the newest approval counts.
    const changed = chance(rng, 0.35) && established < today - 60;
    const approved = changed ? Math.min(today, toWorkingDay(int(rng, established + 30, today))) : established;
    // Some departments' systems export the full label of the state.
    rows.push({ ...base, DJ_DJZT: chance(rng, 0.3) ? '存续（在营、开业、在册）' : '存续', DJ_HZRQ: formatDay(approved) });
  }
  return rows;
}
