import { createRng } from '../codes/index.js';
import { addCalendarDays } from '../kernel/calendar.js';
import type { DemoCity } from './city.js';
import { deriveSeed, int, pick } from './rng.js';

/** What became of a demo commitment: its 履约 verdict, some days after signing. */
export interface DemoVerdict {
  action: 'kept' | 'broken';
  daysAfter: number;
  reason: string;
}

/** One credit commitment of the demo city, replayed on its signing day through the real operations. */
export interface DemoCommitment {
  /** The accepting department. */
  departmentCode: string;
  /** An enterprise of the city (signs online through its account), or a government body (paper, registered by the credit centre). */
  subject: { name: string; uscc: string; kind: 'enterprise' | 'government' };
  type: 'approval_substitute' | 'tolerance' | 'voluntary' | 'industry';
  matter: string;
  matterDetail: string;
  /** Null: the type's standard text. */
  content: string | null;
  signedOn: string;
  dueDate?: string;
  verdict?: DemoVerdict;
}

interface Plan {
  departmentCode: string;
  type: DemoCommitment['type'];
  matter: string;
  details: readonly string[];
  daysAgo: [number, number];
  /** Days from signing to the due date (null: the type's default). */
  dueDays?: number;
  verdict?: Omit<DemoVerdict, 'daysAfter'> & { daysAfter: [number, number] };
}

const PLANS: readonly Plan[] = [
  { departmentCode: 'SCJG', type: 'approval_substitute', matter: 'licensing', details: ['食品经营许可证新办', '小餐饮经营许可'], daysAgo: [200, 300], verdict: { action: 'kept', daysAfter: [60, 85], reason: '经事中事后核查，经营场所、设施与承诺一致' } },
  { departmentCode: 'SCJG', type: 'approval_substitute', matter: 'licensing', details: ['药品经营许可证变更'], daysAgo: [150, 200], verdict: { action: 'kept', daysAfter: [40, 80], reason: '现场核查符合许可条件' } },
  { departmentCode: 'ZJ', type: 'tolerance', matter: 'licensing', details: ['建筑施工企业安全生产许可证延续'], daysAgo: [90, 120], verdict: { action: 'kept', daysAfter: [10, 25], reason: '已在承诺期限内补齐社保缴纳证明' } },
  { departmentCode: 'JT', type: 'approval_substitute', matter: 'licensing', details: ['道路货物运输经营许可'], daysAgo: [120, 160], verdict: { action: 'broken', daysAfter: [40, 60], reason: '经事中核查，承诺的专用停车场地不存在，与承诺内容不符' } },
  { departmentCode: 'WJW', type: 'tolerance', matter: 'licensing', details: ['公共场所卫生许可证新办'], daysAgo: [40, 50], dueDays: 28 },
  { departmentCode: 'SCJG', type: 'approval_substitute', matter: 'commitment_approval', details: ['营业执照经营范围变更（告知承诺）'], daysAgo: [10, 20] },
  { departmentCode: 'SW', type: 'voluntary', matter: 'supervision', details: ['依法诚信纳税承诺'], daysAgo: [300, 400] },
  { departmentCode: 'SCJG', type: 'industry', matter: 'supervision', details: ['餐饮行业诚信经营自律公约'], daysAgo: [100, 250] },
];

const GOVERNMENT_PLANS: readonly { departmentCode: string; matterDetail: string; content: string; daysAgo: number; verdict?: DemoVerdict }[] = [
  {
    departmentCode: 'SCJG',
    matterDetail: '政务服务承诺：企业开办一个工作日内办结',
    content: '本机关承诺：企业开办事项（设立登记、公章刻制、发票申领、社保登记）全流程一个工作日内办结，超时默认办结并接受社会监督。',
    daysAgo: 330,
    verdict: { action: 'kept', daysAfter: 300, reason: '年度考核：企业开办平均用时 0.6 个工作日，承诺已履行' },
  },
  {
    departmentCode: 'ZJ',
    matterDetail: '政务服务承诺：按时支付工程款、不拖欠中小企业账款',
    content: '本机关承诺：依法依约按时支付政府投资项目工程款，不以任何形式拖欠中小企业账款，接受审计和社会监督。',
    daysAgo: 120,
  },
];

/**
 * The demo city's credit commitments: enterprises without penalties (so none is on a serious list)
 * sign 告知承诺, 容缺受理, 主动 and 行业自律 commitments with several departments — most older ones kept,
 * one broken (it becomes a 违背信用承诺 record), a 容缺受理 past its due date waiting for verification —
 * and two government bodies make 政务服务承诺 (主动型), accepted by the credit centre.
 */
export function generateCommitments(city: DemoCity): DemoCommitment[] {
  const rng = createRng(deriveSeed(city.seed, 'commitments'));
  const penalised = new Set(city.penaltyRows.map((row) => row.CF_XDR_SHXYM));
  const candidates = city.enterprises.filter((e) => !penalised.has(e.uscc));
  const used = new Set<string>();
  const out: DemoCommitment[] = [];
  for (const plan of PLANS) {
    const free = candidates.filter((e) => !used.has(e.uscc));
    if (free.length === 0) break;
    const enterprise = pick(rng, free);
    used.add(enterprise.uscc);
    const signedOn = addCalendarDays(city.today, -int(rng, plan.daysAgo[0], plan.daysAgo[1]));
    out.push({
      departmentCode: plan.departmentCode,
      subject: { name: enterprise.name, uscc: enterprise.uscc, kind: 'enterprise' },
      type: plan.type,
      matter: plan.matter,
      matterDetail: pick(rng, plan.details),
      content: null,
      signedOn,
      ...(plan.dueDays ? { dueDate: addCalendarDays(signedOn, plan.dueDays) } : {}),
      ...(plan.verdict ? { verdict: { ...plan.verdict, daysAfter: int(rng, plan.verdict.daysAfter[0], plan.verdict.daysAfter[1]) } } : {}),
    });
  }
  for (const plan of GOVERNMENT_PLANS) {
    const body = city.departments.find((d) => d.code === plan.departmentCode);
    if (!body) continue;
    out.push({
      departmentCode: 'XYZX',
      subject: { name: body.name, uscc: body.uscc, kind: 'government' },
      type: 'voluntary',
      matter: 'supervision',
      matterDetail: plan.matterDetail,
      content: plan.content,
      signedOn: addCalendarDays(city.today, -plan.daysAgo),
      ...(plan.verdict ? { verdict: plan.verdict } : {}),
    });
  }
  return out;
}

/**
 * A one-page PDF standing for the scan of a signed paper commitment (ASCII only: the standard fonts of
 * PDF have no Chinese glyphs). Valid enough for viewers: catalogue, page, font, content, xref.
 */
export function demoScan(title: string): Buffer {
  const text = title.replace(/[()\\]/g, '');
  const stream = `BT /F1 16 Tf 72 760 Td (${text}) Tj 0 -28 Td /F1 11 Tf (Signed and sealed - demo scan) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
