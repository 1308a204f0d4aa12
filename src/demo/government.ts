/**
 * 政务诚信 in the demo city: the district and township governments as credit subjects (USCC 11…), a few
 * 政务失信记录 found against them (arrears to enterprises, a broken contract, an unkept investment
 * promise) and one township government on the court's 失信被执行人 list. Deterministic from the seed.
 */
import { createRng, generateUscc } from '../codes/index.js';
import { addCalendarDays } from '../kernel/calendar.js';
import type { DemoListDecision } from './lists.js';
import type { DemoRegion } from './region.js';
import { deriveSeed, int, pick, type Rng } from './rng.js';
import type { DemoEnterprise } from './subjects.js';

export interface DemoGovernmentBody {
  name: string;
  uscc: string;
  /** The county-level division the body governs or sits in. */
  districtCode: string;
}

/** Each district's 人民政府 and the 人民政府 of its 镇 / 乡 (街道 have offices, not governments). */
export function generateGovernmentBodies(seed: number, region: DemoRegion): DemoGovernmentBody[] {
  const rng = createRng(deriveSeed(seed, 'government-bodies'));
  const bodies: DemoGovernmentBody[] = [];
  for (const district of region.districts) {
    const districtName = district.level === '区' ? `${region.name}${district.name}` : district.name;
    bodies.push({ name: `${districtName}人民政府`, uscc: generateUscc(rng, { authority: '1', category: '1', region: district.code }), districtCode: district.code });
    for (const town of district.towns.filter((t) => /[镇乡]$/.test(t))) {
      bodies.push({ name: `${districtName}${town}人民政府`, uscc: generateUscc(rng, { authority: '1', category: '1', region: district.code }), districtCode: district.code });
    }
  }
  return bodies;
}

interface Finding {
  type: '政府违约毁约' | '拖欠企业账款' | '未履行生效裁判' | '招商引资承诺未兑现' | '政务服务承诺未履行';
  facts: (body: string, company: string, amount: string) => string;
  basis: string;
  finder: 'court' | 'centre';
  amount?: readonly [number, number];
  remedy?: string;
}

const FINDINGS: readonly Finding[] = [
  {
    type: '拖欠企业账款',
    facts: (body, company, amount) => `${body}拖欠${company}道路改造工程款 ${amount} 万元，经清理拖欠企业账款专项行动核实，逾期超过一年未支付。`,
    basis: '《保障中小企业款项支付条例》第八条、第十五条',
    finder: 'centre',
    amount: [80, 900],
    remedy: '已制定还款计划，首期款项已支付。',
  },
  {
    type: '政府违约毁约',
    facts: (body, company) => `${body}与${company}签订的污水处理特许经营协议约定的运营补贴，自协议第三年起未按约定拨付，单方变更协议条款。`,
    basis: '《国务院关于加强政务诚信建设的指导意见》（国发〔2016〕76号）；特许经营协议第十二条',
    finder: 'centre',
    amount: [150, 1200],
  },
  {
    type: '未履行生效裁判',
    facts: (body, company, amount) => `${body}未履行福州市中级人民法院就其与${company}建设工程施工合同纠纷作出的生效判决，应付工程款及利息 ${amount} 万元至今未付。`,
    basis: '生效民事判决书；《中华人民共和国民事诉讼法》第二百四十七条',
    finder: 'court',
    amount: [60, 700],
  },
  {
    type: '招商引资承诺未兑现',
    facts: (body, company, amount) => `${body}在招商引资协议中承诺给予${company}的产业扶持资金 ${amount} 万元，项目投产后逾期未兑现。`,
    basis: '招商引资协议第六条；《优化营商环境条例》第三十一条',
    finder: 'centre',
    amount: [50, 500],
  },
  {
    type: '政务服务承诺未履行',
    facts: (body) => `${body}公开承诺的企业开办“一网通办、一日办结”，经营商环境督查抽查，多件申请超过承诺时限办结。`,
    basis: '政务服务公开承诺；《优化营商环境条例》第三十五条',
    finder: 'centre',
    remedy: '已约谈相关负责人并完成整改。',
  },
];

const yyyymmdd = (date: string) => date.replace(/-/g, '');

/**
 * 政务失信记录 rows (topic ZWSX) against some of the bodies: one finding of each kind, found by the court
 * (未履行生效裁判) or the credit centre's host, the development and reform commission.
 */
export function governmentDishonestyRows(seed: number, today: string, bodies: readonly DemoGovernmentBody[], enterprises: readonly DemoEnterprise[], agencies: { court: { name: string; uscc: string }; centre: { name: string; uscc: string } }): Record<string, string>[] {
  const rng = createRng(deriveSeed(seed, 'government-dishonesty'));
  const used = new Set<string>();
  const rows: Record<string, string>[] = [];
  for (const finding of FINDINGS) {
    const body = pickUnused(rng, bodies, used);
    const company = pick(rng, enterprises).name;
    const date = addCalendarDays(today, -int(rng, 20, 500));
    const amount = finding.amount ? (int(rng, finding.amount[0] * 10, finding.amount[1] * 10) / 10).toFixed(1) : '';
    const agency = finding.finder === 'court' ? agencies.court : agencies.centre;
    rows.push({
      ZW_JGMC: body.name,
      ZW_SHXYM: body.uscc,
      ZW_SXLX: finding.type,
      ZW_SXSS: finding.facts(body.name, company, amount),
      ZW_RDYJ: finding.basis,
      ZW_WSH: finding.finder === 'court' ? `(${date.slice(0, 4)})闽01执${int(rng, 100, 999)}号` : `榕信用认〔${date.slice(0, 4)}〕${yyyymmdd(date).slice(4)}号`,
      ZW_RDDW: agency.name,
      ZW_RDDWDM: agency.uscc,
      ZW_RDRQ: date,
      ZW_SJJE: amount,
      ZW_ZGQK: finding.remedy ?? '',
      ZW_GSJZQ: '',
      BZ: '',
    });
  }
  return rows;
}

/** A township government on the court's 失信被执行人 list: it did not pay what a judgment ordered. */
export function governmentListDecisions(seed: number, today: string, bodies: readonly DemoGovernmentBody[]): DemoListDecision[] {
  const rng = createRng(deriveSeed(seed, 'government-lists'));
  const towns = bodies.filter((b) => /[镇乡]人民政府$/.test(b.name));
  const body = pick(rng, towns.length > 0 ? towns : bodies);
  const decisionDate = addCalendarDays(today, -int(rng, 60, 300));
  return [
    {
      departmentCode: 'FY',
      listType: 'SXBZXR',
      subject: { name: body.name, uscc: body.uscc },
      decisionNo: `(${decisionDate.slice(0, 4)})闽01执${int(rng, 1000, 1999)}号`,
      decisionDate,
      reasons: '有履行能力而拒不履行生效法律文书确定的给付工程款义务',
      basis: '《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条',
    },
  ];
}

function pickUnused<T extends { uscc: string }>(rng: Rng, items: readonly T[], used: Set<string>): T {
  for (let attempt = 0; attempt < 50; attempt++) {
    const item = pick(rng, items);
    if (!used.has(item.uscc)) {
      used.add(item.uscc);
      return item;
    }
  }
  return pick(rng, items);
}
