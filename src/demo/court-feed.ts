import { createRng, generateResidentId, generateUscc } from '../codes/index.js';
import { COURT_FEED_FIELDS, type CourtFeedRow } from '../lists/court-feed.js';
import { csvField } from './csv.js';
import { BRAND_CHARS, FEMALE_GIVEN, MALE_GIVEN, SURNAMES } from './names.js';
import { weighted, type Rng } from './rng.js';

/**
 * Deterministic 失信被执行人 feed rows (the court's published fields), for tests, the demo and the
 * court-sync benchmark: row `i` of a seed is always the same listing; `version` > 0 gives the same
 * listing (case number, party) with changed performance figures, as the court republishes it.
 */

const COURTS: readonly { name: string; code: string; area: string; region: string }[] = [
  { name: '福州市中级人民法院', code: '闽01', area: '福建', region: '350100' },
  { name: '福州市鼓楼区人民法院', code: '闽0102', area: '福建', region: '350102' },
  { name: '福州市台江区人民法院', code: '闽0103', area: '福建', region: '350103' },
  { name: '福州市仓山区人民法院', code: '闽0104', area: '福建', region: '350104' },
  { name: '福州市晋安区人民法院', code: '闽0111', area: '福建', region: '350111' },
  { name: '福清市人民法院', code: '闽0181', area: '福建', region: '350181' },
  { name: '闽侯县人民法院', code: '闽0121', area: '福建', region: '350121' },
  { name: '厦门市中级人民法院', code: '闽02', area: '福建', region: '350200' },
  { name: '厦门市思明区人民法院', code: '闽0203', area: '福建', region: '350203' },
  { name: '泉州市中级人民法院', code: '闽05', area: '福建', region: '350500' },
  { name: '晋江市人民法院', code: '闽0582', area: '福建', region: '350582' },
  { name: '莆田市城厢区人民法院', code: '闽0302', area: '福建', region: '350302' },
  { name: '漳州市芗城区人民法院', code: '闽0602', area: '福建', region: '350602' },
];

const DISRUPT_TYPES = [
  '有履行能力而拒不履行生效法律文书确定义务',
  '违反财产报告制度',
  '违反限制消费令',
  '以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行',
  '无正当理由拒不履行执行和解协议',
  '其他有履行能力而拒不履行生效法律文书确定义务',
];

const DUTIES = [
  '被告于本判决生效之日起十日内偿还原告借款本金{amount}元及利息',
  '被告于本判决生效之日起十日内支付原告货款{amount}元',
  '被执行人应支付申请执行人工程款{amount}元及迟延履行期间的债务利息',
  '被告应向原告支付租金{amount}元及违约金',
  '被告于本调解书生效之日起三十日内支付原告劳动报酬{amount}元',
];

const GIST_UNITS = ['福州仲裁委员会', '厦门仲裁委员会'];
const surname = weighted(SURNAMES);
const ORG_FORMS = ['有限公司', '贸易有限公司', '建设工程有限公司', '科技有限公司', '商贸有限公司', '食品有限公司'];

function pickOf<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

function day(base: number, offset: number): string {
  return new Date(base + offset * 86_400_000).toISOString().slice(0, 10);
}

const BASE = Date.UTC(2019, 0, 1);

/**
 * Row `index` of the feed made from `seed`: about 80% natural persons (valid resident IDs, ages 19–75,
 * registered in Fujian), 20% companies (valid USCCs, the legal representative in businessEntity);
 * case numbers like `(2024)闽01执1234号`, unique per index.
 */
export function courtFeedRow(seed: number, index: number, version = 0): CourtFeedRow {
  const rng = createRng((seed * 2654435761 + index * 40503) >>> 0);
  const court = pickOf(rng, COURTS);
  const year = 2019 + Math.floor(rng() * 6);
  // Unique per index: the serial carries the index, so no two rows of a feed share a case number.
  const caseCode = `(${year})${court.code}执${index + 1}号`;
  const person = rng() < 0.8;
  const regOffset = (year - 2019) * 365 + Math.floor(rng() * 360);
  const regDate = day(BASE, regOffset);
  const publishDate = day(BASE, regOffset + 5 + Math.floor(rng() * 60));
  const amount = 5000 + Math.floor(rng() * 2_000_000);
  const performed = version === 0 ? 0 : Math.min(amount, Math.floor(amount * 0.1 * version));
  const given = (male: boolean) => pickOf(rng, male ? MALE_GIVEN : FEMALE_GIVEN) + (rng() < 0.7 ? pickOf(rng, male ? MALE_GIVEN : FEMALE_GIVEN) : '');
  let iname: string;
  let cardNum: string;
  let age = '';
  let sexy = '';
  let businessEntity = '';
  if (person) {
    const male = rng() < 0.7;
    iname = surname(rng) + given(male);
    const ageYears = 19 + Math.floor(rng() * 56);
    const birthYear = year - ageYears;
    const birth = `${birthYear}-${String(1 + Math.floor(rng() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rng() * 28)).padStart(2, '0')}`;
    cardNum = generateResidentId(rng, { region: court.region.endsWith('00') ? `${court.region.slice(0, 4)}02` : court.region, birthDate: birth, sex: male ? 'M' : 'F' });
    age = String(ageYears - 1 + (rng() < 0.5 ? 1 : 0));
    sexy = male ? '男' : '女';
  } else {
    iname = `${court.name.slice(0, 2)}${pickOf(rng, BRAND_CHARS)}${pickOf(rng, BRAND_CHARS)}${pickOf(rng, ORG_FORMS)}`;
    cardNum = generateUscc(rng, { region: court.region });
    businessEntity = surname(rng) + given(rng() < 0.7);
  }
  const arbitration = rng() < 0.1;
  return {
    iname,
    caseCode,
    age,
    sexy,
    cardNum,
    businessEntity,
    courtName: court.name,
    areaName: court.area,
    partyTypeName: person ? '自然人' : '法人或其他组织',
    gistId: arbitration ? `(${year - 1})榕仲裁字第${100 + (index % 900)}号` : `(${year - 1})${court.code}民初${1000 + (index % 9000)}号`,
    regDate,
    gistUnit: arbitration ? pickOf(rng, GIST_UNITS) : court.name,
    duty: pickOf(rng, DUTIES).replace('{amount}', String(amount)),
    performance: performed === 0 ? '全部未履行' : '部分未履行',
    performedPart: performed === 0 ? '' : `已履行${performed}元`,
    unperformPart: `未履行${amount - performed}元`,
    disruptTypeName: pickOf(rng, DISRUPT_TYPES),
    publishDate,
  };
}

/** One JSON Lines line of a row (with an optional delta `op`), newline included. */
export function courtFeedJsonLine(row: CourtFeedRow, op?: 'upsert' | 'revoke'): string {
  return JSON.stringify(op ? { ...row, op } : row) + '\n';
}

/** The CSV header line of the feed (with `op` for a delta). */
export function courtFeedCsvHeader(delta = false): string {
  return [...COURT_FEED_FIELDS, ...(delta ? ['op'] : [])].join(',') + '\r\n';
}

/** One CSV line of a row, quoted where needed. */
export function courtFeedCsvLine(row: Partial<CourtFeedRow>, op?: 'upsert' | 'revoke'): string {
  const cells = COURT_FEED_FIELDS.map((field) => csvField(row[field] ?? ''));
  if (op) cells.push(op);
  return cells.join(',') + '\r\n';
}
