import { createRng } from '../codes/index.js';
import { addCalendarDays } from '../kernel/calendar.js';
import type { DemoCity } from './city.js';
import { governmentListDecisions } from './government.js';
import { chance, deriveSeed, int, pick, type Rng } from './rng.js';
import type { DemoEnterprise } from './subjects.js';

/** What happens to a demo entry after its decision: an objection, an exit. */
export interface DemoFollowUp {
  action: 'suspend' | 'exit';
  daysAfter: number;
  reason: string;
}

/** One listing decision of the demo city's history, replayed at its decision date through the real operations. */
export interface DemoListDecision {
  departmentCode: string;
  listType: string;
  subject: { name: string; uscc?: string; residentId?: string };
  decisionNo: string;
  decisionDate: string;
  reasons: string;
  basis?: string;
  expiresOn?: string;
  followUp?: DemoFollowUp;
}

interface Plan {
  departmentCode: string;
  listType: string;
  prefix: string;
  share: number;
  /** How far back decisions go, in days. */
  maxDaysAgo: number;
  reasons: readonly string[];
  basis?: string;
  /** The subject is the enterprise's legal representative (a person), not the enterprise. */
  person?: boolean;
}

// Shares are of the enterprises that have penalties (black and watch lists) or of all enterprises (red lists).
const BLACK_PLANS: readonly Plan[] = [
  {
    departmentCode: 'SCJG',
    listType: 'JYYCML',
    prefix: '榕市监异',
    share: 0.06,
    maxDaysAgo: 1140,
    reasons: ['未按规定期限公示年度报告', '通过登记的住所或者经营场所无法联系', '公示企业信息隐瞒真实情况、弄虚作假'],
    basis: '《企业信息公示暂行条例》第十七条',
  },
  {
    departmentCode: 'SCJG',
    listType: 'YZWFSX',
    prefix: '榕市监严失',
    share: 0.012,
    maxDaysAgo: 700,
    reasons: ['提交虚假材料取得市场主体登记，受到较重行政处罚', '生产销售不符合食品安全标准的食品，情节严重，受到较重行政处罚'],
    basis: '《市场监督管理严重违法失信名单管理办法》第二条',
  },
  {
    departmentCode: 'SW',
    listType: 'ZDSSWF',
    prefix: '榕税稽失',
    share: 0.008,
    maxDaysAgo: 700,
    reasons: ['虚开增值税专用发票', '偷税数额在100万元以上且占应纳税额10%以上', '逃避追缴欠税'],
    basis: '《重大税收违法失信主体信息公布管理办法》第六条',
  },
  {
    departmentCode: 'CZ',
    listType: 'ZFCGSX',
    prefix: '榕财采罚',
    share: 0.006,
    maxDaysAgo: 700,
    reasons: ['提供虚假材料谋取中标、成交', '与其他供应商恶意串通'],
    basis: '《中华人民共和国政府采购法》第七十七条',
  },
  {
    departmentCode: 'FY',
    listType: 'SXBZXR',
    prefix: '(2025)闽01执',
    share: 0.02,
    maxDaysAgo: 600,
    reasons: ['有履行能力而拒不履行生效法律文书确定义务', '违反限制消费令', '违反财产报告制度'],
    basis: '《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条',
  },
  {
    departmentCode: 'FY',
    listType: 'SXBZXR',
    prefix: '(2025)闽01执',
    share: 0.01,
    maxDaysAgo: 600,
    reasons: ['有履行能力而拒不履行生效法律文书确定义务'],
    basis: '《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条',
    person: true,
  },
  {
    departmentCode: 'WL',
    listType: 'LYSCSX',
    prefix: '榕文旅失',
    share: 0.004,
    maxDaysAgo: 500,
    reasons: ['以不合理低价组织旅游活动，诱骗旅游者，受到较重行政处罚'],
  },
  {
    departmentCode: 'JT',
    listType: 'JTYSSX',
    prefix: '榕交失',
    share: 0.004,
    maxDaysAgo: 500,
    reasons: ['未取得道路运输经营许可擅自从事道路运输经营，拒不履行处罚决定'],
  },
];

const RED_PLANS: readonly Plan[] = [
  { departmentCode: 'SW', listType: 'NSXYAJ', prefix: '榕税信A', share: 0.05, maxDaysAgo: 200, reasons: ['2025 年度纳税信用评价为 A 级'] },
  { departmentCode: 'FGW', listType: 'CXDX', prefix: '榕发改信', share: 0.004, maxDaysAgo: 400, reasons: ['诚信经营事迹突出，经推荐、公示无异议，认定为诚信典型'] },
  { departmentCode: 'SCJG', listType: 'SHTZXY', prefix: '榕市监守', share: 0.01, maxDaysAgo: 400, reasons: ['连续两年合同履约状况良好，经公示无异议，认定为守合同重信用企业'] },
];

function decisions(rng: Rng, today: string, plan: Plan, pool: readonly DemoEnterprise[], taken: Set<string>): DemoListDecision[] {
  const out: DemoListDecision[] = [];
  let serial = 0;
  for (const enterprise of pool) {
    if (!chance(rng, plan.share)) continue;
    const key = `${plan.listType}:${plan.person ? enterprise.legalRepId : enterprise.uscc}`;
    if (taken.has(key)) continue;
    if (plan.person && (enterprise.legalRepIdType !== '身份证' || !enterprise.legalRepId)) continue;
    taken.add(key);
    serial += 1;
    const decisionDate = addCalendarDays(today, -int(rng, 20, plan.maxDaysAgo));
    const year = decisionDate.slice(0, 4);
    const decisionNo = plan.prefix.startsWith('(') ? `(${year})闽01执${int(rng, 100, 9999)}号` : `${plan.prefix}〔${year}〕${serial}号`;
    const decision: DemoListDecision = {
      departmentCode: plan.departmentCode,
      listType: plan.listType,
      subject: plan.person ? { name: enterprise.legalRepName, residentId: enterprise.legalRepId } : { name: enterprise.name, uscc: enterprise.uscc },
      decisionNo,
      decisionDate,
      reasons: pick(rng, plan.reasons),
      basis: plan.basis,
    };
    if (plan.listType === 'JYYCML' && chance(rng, 0.3))
      decision.followUp = { action: 'exit', daysAfter: int(rng, 10, 60), reason: '已补报年度报告并公示，申请移出经营异常名录，经核实予以移出' };
    else if (!RED_PLANS.includes(plan) && chance(rng, 0.05))
      decision.followUp = { action: 'suspend', daysAfter: int(rng, 15, 20), reason: '当事人提出异议，认为列入所依据的处罚决定已被撤销，正在核查' };
    out.push(decision);
  }
  return out;
}

/**
 * The demo city's listing history: black and watch lists among the enterprises that have penalties,
 * red lists among all enterprises, the court's list for some of them and for some legal
 * representatives; some entries later exited or under objection. Deterministic from the city.
 */
export function generateListDecisions(city: Pick<DemoCity, 'seed' | 'today' | 'enterprises' | 'penaltyRows' | 'governmentBodies'>): DemoListDecision[] {
  const rng = createRng(deriveSeed(city.seed, 'lists'));
  const penalised = new Set(city.penaltyRows.map((row) => row.CF_XDR_SHXYM));
  const withPenalties = city.enterprises.filter((e) => penalised.has(e.uscc));
  const withoutPenalties = city.enterprises.filter((e) => !penalised.has(e.uscc));
  const taken = new Set<string>();
  return [
    ...BLACK_PLANS.flatMap((plan) => decisions(rng, city.today, plan, withPenalties, taken)),
    ...RED_PLANS.flatMap((plan) => decisions(rng, city.today, plan, withoutPenalties, taken)),
    ...governmentListDecisions(city.seed, city.today, city.governmentBodies),
  ].sort((a, b) => a.decisionDate.localeCompare(b.decisionDate));
}
