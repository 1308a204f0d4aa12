/**
 * Subjects of the demo city: enterprises, 个体工商户, public institutions, social organisations and
 * natural persons, with identifiers that validate and names formed the way registries form them.
 */
import { generateRegNo, generateResidentId, generateUscc, orgCodeFromUscc } from '../codes/index.js';
import { addMonths, dayNumber, formatDay, parseDay } from './dates.js';
import {
  BRAND_CHARS,
  ENTERPRISE_INDUSTRIES,
  FEMALE_GIVEN,
  MALE_GIVEN,
  SHOP_KINDS,
  SURNAMES,
} from './names.js';
import type { Sector } from './names.js';
import { FUZHOU, ORIGIN_REGION_CODES } from './region.js';
import type { DemoRegion, District } from './region.js';
import { chance, int, pick, weighted } from './rng.js';
import type { Rng } from './rng.js';

/** The kinds of subject the generators produce. */
export type SubjectKind = 'enterprise' | 'individual_business' | 'person' | 'public_institution' | 'social_organisation';

/** 证件类型 of a person as written in the national template. */
export type IdType = '身份证' | '港澳居民来往内地通行证' | '台湾居民来往大陆通行证';

/** A natural person, as a subject or as the legal representative / operator of an organisation. */
export interface DemoPerson {
  kind: 'person';
  name: string;
  sex: 'M' | 'F';
  /** `YYYY-MM-DD`. */
  birthDate: string;
  idType: IdType;
  /** The 证件号码: a valid synthetic 居民身份证号码 when `idType` is 身份证. */
  idNumber: string;
  /** Division where the person lives (a district of the city). */
  region: string;
  address: string;
}

/** Fields every organisation subject has. */
interface OrganisationBase {
  name: string;
  /** Division of the registering authority (positions 3–8 of the USCC). */
  region: string;
  address: string;
  sector: Sector;
  /** `YYYY-MM-DD`. */
  establishedOn: string;
  /** 法定代表人 (for a 个体工商户: the 经营者). */
  legalRepName: string;
  legalRepIdType: IdType;
  legalRepId: string;
}

/** An enterprise (企业法人 or 非法人企业, including branches, partnerships and cooperatives). */
export interface DemoEnterprise extends OrganisationBase {
  kind: 'enterprise';
  /** 91… (企业) or 93… (农民专业合作社). */
  uscc: string;
  /** Positions 9–17 of the USCC. */
  orgCode: string;
  /** Legacy 工商注册号, present for enterprises registered before the USCC reform (Oct 2015). */
  regNo?: string;
  /** 组织形式, e.g. 有限责任公司, 分公司, 合伙企业（有限合伙）. */
  form: string;
}

/** A 个体工商户; `legalRepName` / `legalRepId` hold the 经营者. */
export interface DemoIndividualBusiness extends OrganisationBase {
  kind: 'individual_business';
  /** 92…, or null for an old business that was never issued one (submitted as `00000000000000000X`). */
  uscc: string | null;
  /** 工商注册号; always present when `uscc` is null. */
  regNo?: string;
}

/** A 事业单位 (USCC 12…). */
export interface DemoPublicInstitution extends OrganisationBase {
  kind: 'public_institution';
  uscc: string;
  orgCode: string;
  /** 事业单位法人证书号. */
  certificateNo: string;
}

/** A 社会组织: 社会团体 (51…), 民办非企业单位 (52…) or 基金会 (53…). */
export interface DemoSocialOrganisation extends OrganisationBase {
  kind: 'social_organisation';
  uscc: string;
  orgCode: string;
  orgType: '社会团体' | '民办非企业单位' | '基金会';
}

/** Any organisation subject. */
export type DemoOrganisation = DemoEnterprise | DemoIndividualBusiness | DemoPublicInstitution | DemoSocialOrganisation;

/** Any subject. */
export type DemoSubject = DemoOrganisation | DemoPerson;

/** Options shared by the subject generators. */
export interface SubjectOptions {
  /** `YYYY-MM-DD`; establishment and birth dates lie before it. Never read from the clock. */
  today: string;
  /** Names already taken; the generator adds the new name. Pass the same set for a whole city. */
  names?: Set<string>;
  /** Identifiers already taken (USCCs, registration numbers, ID numbers); same idea as `names`. */
  codes?: Set<string>;
  /** The city; default 福州市. */
  region?: DemoRegion;
  /** Restrict to one division code of the city. */
  district?: string;
}

// Before this date enterprises received a 工商注册号; after it, a USCC only (GB 32100 took effect).
const USCC_REFORM = dayNumber(2015, 10, 1);
const NAME_ATTEMPTS = 200;

const surname = weighted(SURNAMES);

const districtPickers = new WeakMap<DemoRegion, (rng: Rng) => District>();
function pickDistrict(rng: Rng, opts: SubjectOptions): District {
  const region = opts.region ?? FUZHOU;
  if (opts.district !== undefined) {
    const found = region.districts.find((d) => d.code === opts.district);
    if (!found) throw new RangeError(`unknown district ${opts.district} in ${region.name}`);
    return found;
  }
  let picker = districtPickers.get(region);
  if (!picker) {
    picker = weighted(region.districts.map((d) => [d, d.weight] as const));
    districtPickers.set(region, picker);
  }
  return picker(rng);
}

/** Tries name candidates until one is free, then claims it; a clear error instead of an endless loop. */
function claimName(opts: SubjectOptions, make: () => string, what: string): string {
  for (let attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
    const name = make();
    if (!opts.names) return name;
    if (!opts.names.has(name)) {
      opts.names.add(name);
      return name;
    }
  }
  throw new RangeError(`could not find a free ${what} name after ${NAME_ATTEMPTS} attempts; the name space is exhausted`);
}

function claimCode(opts: SubjectOptions, make: () => string): string {
  for (;;) {
    const code = make();
    if (!opts.codes) return code;
    if (!opts.codes.has(code)) {
      opts.codes.add(code);
      return code;
    }
  }
}

function givenName(rng: Rng, sex: 'M' | 'F'): string {
  const chars = sex === 'M' ? MALE_GIVEN : FEMALE_GIVEN;
  const first = pick(rng, chars);
  if (chance(rng, 0.22)) return first;
  let second = pick(rng, chars);
  while (second === first && chance(rng, 0.8)) second = pick(rng, chars);
  return first + second;
}

function brand(rng: Rng): string {
  const length = chance(rng, 0.6) ? 2 : 3;
  let out = '';
  while (out.length < length) {
    const c = pick(rng, BRAND_CHARS);
    if (!out.includes(c)) out += c;
  }
  return out;
}

const VILLAGES = ['东岭', '下洋', '后坂', '前洋', '溪头', '上厝', '新厝', '岭头', '洋下', '塘前', '后山', '浦口', '湖里', '南岸', '坑头', '西园'];
const BUILDING_WORDS = ['商务中心', '大厦', '广场', '国际中心', '科技园', '商业中心'];

/** A street address in the district: road and number in the city, town and village in the counties. */
export function generateAddress(rng: Rng, district: District, opts: { business?: boolean; region?: DemoRegion } = {}): string {
  const region = opts.region ?? FUZHOU;
  const head = (chance(rng, 0.7) ? region.province : '') + region.name + district.name;
  const business = opts.business ?? true;
  if (business && district.code === '350128' && chance(rng, 0.5)) {
    // 平潭's cluster registration: many companies share one service building and carry a suffix.
    return `${region.province}平潭综合实验区金井湾片区商务营运中心${int(rng, 1, 6)}号楼${int(rng, 2, 5)}层${int(rng, 501, 520)}室-${int(rng, 1000, 9999)}（集群注册）`;
  }
  if (business && district.code === '350105' && chance(rng, 0.2)) {
    return `中国（福建）自由贸易试验区福州片区${region.name}${district.name}${pick(rng, district.roads)}${int(rng, 1, 188)}号`;
  }
  if (business && district.parks.length > 0 && chance(rng, 0.3)) {
    return `${head}${pick(rng, district.parks)}${int(rng, 1, 30)}号${chance(rng, 0.5) ? `${int(rng, 1, 12)}号厂房` : `${int(rng, 1, 9)}号楼${int(rng, 1, 12)}层`}`;
  }
  if (district.roads.length > 0 && (district.level === '区' || chance(rng, 0.5))) {
    const road = pick(rng, district.roads);
    const no = `${road}${int(rng, 1, 399)}号`;
    if (!business) return `${head}${no}${int(rng, 1, 12)}座${int(rng, 1, 28)}${String(int(rng, 1, 4)).padStart(2, '0')}室`;
    const tail = rng();
    if (tail < 0.35) return `${head}${no}${brand(rng)}${pick(rng, BUILDING_WORDS)}${int(rng, 2, 32)}层${int(rng, 1, 20)}室`;
    if (tail < 0.6) return `${head}${no}${int(rng, 1, 3)}层${String(int(rng, 1, 30)).padStart(2, '0')}店面`;
    return `${head}${no}`;
  }
  return `${head}${pick(rng, district.towns)}${pick(rng, VILLAGES)}村${int(rng, 1, 199)}号`;
}

/** A person's birth date so that they are between `minAge` and `maxAge` on `today`. */
function birthDay(rng: Rng, today: number, minAge: number, maxAge: number): number {
  const latest = addMonths(today, -12 * minAge);
  const earliest = addMonths(today, -12 * maxAge);
  return int(rng, earliest, latest);
}

interface PersonCore {
  name: string;
  sex: 'M' | 'F';
  birthDate: string;
  idType: IdType;
  idNumber: string;
}

function personCore(
  rng: Rng,
  opts: SubjectOptions,
  ages: [number, number],
  unique: boolean,
  foreignShare: number,
): PersonCore {
  const today = parseDay(opts.today);
  const sex: 'M' | 'F' = chance(rng, 0.55) ? 'M' : 'F';
  const name = unique
    ? claimName(opts, () => surname(rng) + givenName(rng, sex), 'person')
    : surname(rng) + givenName(rng, sex);
  const birthDate = formatDay(birthDay(rng, today, ages[0], ages[1]));
  const foreign = rng();
  if (foreign < foreignShare * 0.75) {
    // Fuzhou has many Taiwanese investors; their 台胞证 number has 8 digits.
    return { name, sex, birthDate, idType: '台湾居民来往大陆通行证', idNumber: claimCode(opts, () => String(int(rng, 10000000, 99999999))) };
  }
  if (foreign < foreignShare) {
    const idNumber = claimCode(opts, () => `${pick(rng, ['H', 'M'])}${int(rng, 10000000, 99999999)}`);
    return { name, sex, birthDate, idType: '港澳居民来往内地通行证', idNumber };
  }
  // Most ID cards were issued in the city, some elsewhere in the province (people move in).
  const idRegion = chance(rng, 0.75) ? pickDistrict(rng, { ...opts, district: undefined }).code : pick(rng, ORIGIN_REGION_CODES);
  const idNumber = claimCode(opts, () => generateResidentId(rng, { region: idRegion, birthDate, sex }));
  return { name, sex, birthDate, idType: '身份证', idNumber };
}

/**
 * A natural person with a valid synthetic resident ID consistent with sex and birth date (aged
 * 18–80 on `today`). Person names are unique in `opts.names`, which keeps demo look-ups unambiguous;
 * legal representatives are drawn separately and may share a name with someone else.
 */
export function generatePerson(rng: Rng, opts: SubjectOptions): DemoPerson {
  const core = personCore(rng, opts, [18, 80], true, 0);
  const district = pickDistrict(rng, opts);
  return {
    kind: 'person',
    ...core,
    region: district.code,
    address: generateAddress(rng, district, { business: false, region: opts.region }),
  };
}

function legalRep(rng: Rng, opts: SubjectOptions, foreignShare: number): PersonCore {
  return personCore(rng, opts, [24, 70], false, foreignShare);
}

/** Establishment date: skewed towards recent years, as registrations have grown. */
function establishedDay(rng: Rng, today: number, earliestYear: number): number {
  const earliest = dayNumber(earliestYear, 1, 1);
  const latest = today - 30;
  // The square root skews towards the latest date.
  return Math.floor(latest - (latest - earliest) * (1 - Math.sqrt(rng())));
}

const industryPicker = weighted(ENTERPRISE_INDUSTRIES.map(([word, sector, w]) => [[word, sector] as const, w] as const));
const FORM_PICKER = weighted<string>([
  ['有限公司', 45],
  ['有限责任公司', 25],
  ['股份有限公司', 3],
  ['分公司', 7],
  ['合伙企业（有限合伙）', 3],
  ['合伙企业（普通合伙）', 1],
  ['个人独资企业', 3],
  ['农民专业合作社', 2],
]);
const PARENT_PLACES = ['厦门', '泉州', '福建', '上海', '深圳', '广州', '杭州', '北京', '莆田', '漳州'];
const COOPERATIVE_WORDS = ['果蔬', '茶叶', '水产养殖', '食用菌', '花卉', '橄榄', '蔬菜种植', '生猪养殖'];
const PARTNERSHIP_WORDS = ['股权投资', '创业投资', '企业管理咨询', '投资', '科技'];
// 个人独资企业 trade under shop-like names rather than 有限公司 ones.
const SOLE_TRADES: ReadonlyArray<readonly [string, Sector]> = [
  ['建材商行', 'retail'], ['五金经营部', 'retail'], ['茶叶商行', 'food'], ['水产商行', 'food'], ['日用百货经营部', 'retail'],
  ['电子产品经营部', 'retail'], ['服装商行', 'retail'], ['食品商行', 'food'], ['设计工作室', 'culture'], ['摄影工作室', 'culture'],
  ['装饰工程部', 'construction'], ['汽车修理厂', 'transport'],
];

function shortPlace(district: District): string {
  // 鼓楼区 → 鼓楼, 闽侯县 → 闽侯, 福清市 → 福清: the form used when a county names a company.
  return district.name.slice(0, -1);
}

/** Region prefix of an enterprise name: mostly the city, sometimes the county or the province. */
function enterprisePrefix(rng: Rng, district: District, region: DemoRegion): string {
  const r = rng();
  const city = region.name.slice(0, -1);
  if (district.level !== '区' || district.code === '350112') {
    if (r < 0.45) return district.code === '350128' ? '平潭' : shortPlace(district);
  }
  if (r < 0.7) return city;
  if (r < 0.82) return region.name;
  // An urban district is written after the city (福州市鼓楼区); a county or county-level city stands alone.
  if (r < 0.9) return district.level === '区' ? `${region.name}${district.name}` : district.name;
  return region.province.slice(0, -1);
}

/**
 * An enterprise: name built from region + 字号 + 行业 + 组织形式 and unique in `opts.names`; USCC
 * 91… (93… for a 农民专业合作社) registered in one of the city's divisions; legacy 工商注册号 for
 * enterprises older than the USCC reform; a legal representative with a valid resident ID.
 */
export function generateEnterprise(rng: Rng, opts: SubjectOptions): DemoEnterprise {
  const region = opts.region ?? FUZHOU;
  const today = parseDay(opts.today);
  const district = pickDistrict(rng, opts);
  let form = FORM_PICKER(rng);
  if (form === '农民专业合作社' && district.level === '区' && district.code !== '350112') form = '有限公司';
  let sector: Sector = 'retail';
  const name = claimName(
    opts,
    () => {
      const b = brand(rng);
      const [industry, industrySector] = industryPicker(rng);
      sector = industrySector;
      switch (form) {
        case '分公司': {
          const local = chance(rng, 0.4);
          const parent = local
            ? `${enterprisePrefix(rng, district, region)}${b}${industry}有限公司`
            : `${pick(rng, PARENT_PLACES)}${b}${industry}${chance(rng, 0.8) ? '有限公司' : '股份有限公司'}`;
          return `${parent}${local ? `${shortPlace(district)}分公司` : `${region.name.slice(0, -1)}分公司`}`;
        }
        case '合伙企业（有限合伙）':
        case '合伙企业（普通合伙）':
          sector = 'finance';
          return `${enterprisePrefix(rng, district, region)}${b}${pick(rng, PARTNERSHIP_WORDS)}${form}`;
        case '个人独资企业': {
          const [trade, tradeSector] = pick(rng, SOLE_TRADES);
          sector = tradeSector;
          return `${district.level === '区' ? region.name : ''}${district.name}${b}${trade}`;
        }
        case '农民专业合作社':
          sector = 'agriculture';
          return `${district.name}${b}${pick(rng, COOPERATIVE_WORDS)}专业合作社`;
        default:
          // A few names carry the place in brackets after the 字号, e.g. 华信（福州）电子科技有限公司.
          if (chance(rng, 0.06)) return `${b}（${region.name.slice(0, -1)}）${industry}${form}`;
          return `${enterprisePrefix(rng, district, region)}${b}${industry}${form}`;
      }
    },
    'enterprise',
  );
  const uscc = claimCode(opts, () =>
    generateUscc(rng, { authority: '9', category: form === '农民专业合作社' ? '3' : '1', region: chance(rng, 0.12) ? region.code : district.code }),
  );
  const established = establishedDay(rng, today, 1993);
  const rep = legalRep(rng, opts, 0.04);
  const enterprise: DemoEnterprise = {
    kind: 'enterprise',
    name,
    uscc,
    orgCode: orgCodeFromUscc(uscc) ?? uscc.slice(8, 17),
    form,
    sector,
    region: uscc.slice(2, 8),
    address: generateAddress(rng, district, { region }),
    establishedOn: formatDay(established),
    legalRepName: rep.name,
    legalRepIdType: rep.idType,
    legalRepId: rep.idNumber,
  };
  if (established < USCC_REFORM) enterprise.regNo = claimCode(opts, () => generateRegNo(rng, enterprise.region));
  return enterprise;
}

const shopKindPicker = weighted(SHOP_KINDS.map(([word, sector, w]) => [[word, sector] as const, w] as const));
const SHOP_WORDS = ['好味', '鑫源', '福满', '顺发', '家乐', '兴旺', '金鼎', '百味', '佳佳', '阿福', '美美', '老街'];

/**
 * A 个体工商户 such as 鼓楼区老陈小吃店, with its 经营者. Most have a 92… USCC; about one in ten is an
 * old business with only a 工商注册号, which rows submit with the `00000000000000000X` placeholder.
 */
export function generateIndividualBusiness(rng: Rng, opts: SubjectOptions): DemoIndividualBusiness {
  const region = opts.region ?? FUZHOU;
  const today = parseDay(opts.today);
  const district = pickDistrict(rng, opts);
  const operator = legalRep(rng, opts, 0.01);
  const family = SURNAMES.some(([s]) => operator.name.startsWith(s) && s.length === 2) ? operator.name.slice(0, 2) : operator.name.slice(0, 1);
  const established = establishedDay(rng, today, 1998);
  // Registrations since 2023 often carry the 组织形式 in brackets.
  const bracketed = established >= dayNumber(2023, 1, 1) && chance(rng, 0.3);
  let sector: Sector = 'catering';
  const name = claimName(
    opts,
    () => {
      const [kind, kindSector] = shopKindPicker(rng);
      sector = kindSector;
      const r = rng();
      const word =
        r < 0.25 ? `老${family}` : r < 0.45 ? `${family}记` : r < 0.55 ? `阿${operator.name.slice(-1)}` : r < 0.62 ? `小${family}` : r < 0.8 ? pick(rng, SHOP_WORDS) : brand(rng);
      const prefix = district.level === '区' && chance(rng, 0.3) ? `${region.name}${district.name}` : district.name;
      return `${prefix}${word}${kind}${bracketed ? '（个体工商户）' : ''}`;
    },
    'individual business',
  );
  const legacy = established < USCC_REFORM;
  const business: DemoIndividualBusiness = {
    kind: 'individual_business',
    name,
    uscc: legacy && chance(rng, 0.35) ? null : claimCode(opts, () => generateUscc(rng, { authority: '9', category: '2', region: district.code })),
    sector,
    region: district.code,
    address: generateAddress(rng, district, { region }),
    establishedOn: formatDay(established),
    legalRepName: operator.name,
    legalRepIdType: operator.idType,
    legalRepId: operator.idNumber,
  };
  if (legacy) business.regNo = claimCode(opts, () => generateRegNo(rng, district.code));
  return business;
}

const INSTITUTION_KINDS: ReadonlyArray<readonly [string, Sector, 'street' | 'town' | 'any']> = [
  ['社区卫生服务中心', 'health', 'street'],
  ['卫生院', 'health', 'town'],
  ['中心小学', 'culture', 'any'],
  ['中心幼儿园', 'culture', 'any'],
  ['农业服务中心', 'agriculture', 'town'],
  ['林业工作站', 'agriculture', 'town'],
  ['水利工作站', 'agriculture', 'town'],
  ['文化服务中心', 'culture', 'any'],
  ['社会事务服务中心', 'services', 'any'],
  ['便民服务中心', 'services', 'any'],
  ['退役军人服务站', 'services', 'any'],
  ['劳动保障事务所', 'services', 'street'],
];
const DISTRICT_UNITS: ReadonlyArray<readonly [string, Sector]> = [
  ['疾病预防控制中心', 'health'], ['妇幼保健院', 'health'], ['医院', 'health'], ['中医院', 'health'], ['图书馆', 'culture'],
  ['文化馆', 'culture'], ['融媒体中心', 'culture'], ['档案馆', 'culture'], ['不动产登记中心', 'services'],
  ['机关事务服务中心', 'services'], ['园林绿化中心', 'services'], ['市政工程管理处', 'construction'],
  ['环境监测站', 'services'], ['公路事业发展中心', 'transport'], ['职业中专学校', 'culture'],
];
const ORDINALS = ['第一', '第二', '第三', '第四', '第五', '第六', '第七', '第八', '第九', '第十'];

/**
 * A 事业单位 (USCC 12…): township health centres, schools and service centres named after real
 * 街道, 镇 and roads, a district's own institutions (疾控中心, 图书馆 …) or its numbered middle schools.
 */
export function generatePublicInstitution(rng: Rng, opts: SubjectOptions): DemoPublicInstitution {
  const region = opts.region ?? FUZHOU;
  const district = pickDistrict(rng, opts);
  let sector: Sector = 'services';
  const name = claimName(
    opts,
    () => {
      const prefix = district.level === '区' ? `${region.name}${district.name}` : district.name;
      const r = rng();
      if (r < 0.1) {
        sector = 'culture';
        return `${prefix}${pick(rng, ORDINALS)}中学`;
      }
      if (r < 0.22 && district.roads.length > 0) {
        // Schools are often named after the road they stand on: 温泉小学, 鼓屏幼儿园.
        sector = 'culture';
        return `${prefix}${pick(rng, district.roads).replace(/(中|东|西|南|北)?(路|街|大道)$/, '')}${pick(rng, ['小学', '幼儿园'])}`;
      }
      if (r < 0.35) {
        const [unit, unitSector] = pick(rng, DISTRICT_UNITS);
        sector = unitSector;
        return `${prefix}${unit}`;
      }
      const town = pick(rng, district.towns);
      const street = town.endsWith('街道');
      const candidates = INSTITUTION_KINDS.filter(([, , where]) => where === 'any' || (where === 'street') === street);
      const [kind, kindSector] = pick(rng, candidates);
      sector = kindSector;
      const stem = kind === '社区卫生服务中心' || kind === '卫生院' || kind === '劳动保障事务所' ? town : town.replace(/街道|镇|乡$/, '');
      return `${prefix}${stem}${kind}`;
    },
    'public institution',
  );
  const uscc = claimCode(opts, () => generateUscc(rng, { authority: '1', category: '2', region: district.code }));
  const rep = legalRep(rng, opts, 0);
  return {
    kind: 'public_institution',
    name,
    uscc,
    orgCode: orgCodeFromUscc(uscc) ?? uscc.slice(8, 17),
    certificateNo: `事证第1${district.code}${String(int(rng, 1, 99999)).padStart(5, '0')}号`,
    sector,
    region: district.code,
    address: generateAddress(rng, district, { region }),
    establishedOn: formatDay(establishedDay(rng, parseDay(opts.today), 1980)),
    legalRepName: rep.name,
    legalRepIdType: rep.idType,
    legalRepId: rep.idNumber,
  };
}

const ASSOCIATION_TRADES = ['餐饮', '烹饪', '食品', '茶叶', '建筑业', '装饰', '物流', '软件', '电子商务', '汽车维修', '美容美发', '家政服务', '旅游', '酒店', '物业管理', '文化创意', '摄影', '书法', '老年体育', '志愿服务'];
const HOMETOWNS = ['莆田', '泉州', '宁德', '南平', '三明', '龙岩', '漳州', '温州', '江西', '安徽'];

/**
 * A 社会组织: a 社会团体 (行业协会, 商会, 学会 — USCC 51…), a 民办非企业单位 (training schools,
 * elderly care, social work — 52…) or, rarely, a 基金会 (53…).
 */
export function generateSocialOrganisation(rng: Rng, opts: SubjectOptions): DemoSocialOrganisation {
  const region = opts.region ?? FUZHOU;
  const district = pickDistrict(rng, opts);
  const r = rng();
  const orgType: DemoSocialOrganisation['orgType'] = r < 0.5 ? '社会团体' : r < 0.95 ? '民办非企业单位' : '基金会';
  const cityLevel = chance(rng, 0.5);
  const prefix = cityLevel ? region.name : district.level === '区' ? `${region.name}${district.name}` : district.name;
  let sector: Sector = 'services';
  const name = claimName(
    opts,
    () => {
      if (orgType === '社会团体') {
        const s = rng();
        if (s < 0.45) return `${prefix}${pick(rng, ASSOCIATION_TRADES)}${pick(rng, ['行业协会', '协会'])}`;
        if (s < 0.6) return `${region.name}${pick(rng, HOMETOWNS)}商会`;
        if (s < 0.8) return `${prefix}${brand(rng)}${pick(rng, ['志愿者协会', '公益协会', '文化交流协会'])}`;
        sector = 'culture';
        return `${prefix}${pick(rng, ASSOCIATION_TRADES)}${pick(rng, ['学会', '研究会'])}`;
      }
      if (orgType === '基金会') return `${region.name}${brand(rng)}${pick(rng, ['慈善基金会', '教育基金会', '公益基金会'])}`;
      const kind = pick(rng, ['培训学校', '养老服务中心', '社会工作服务中心', '康复中心', '居家养老服务站', '职业技能培训学校']);
      sector = kind.includes('培训') ? 'culture' : kind.includes('康复') ? 'health' : 'services';
      return `${prefix}${brand(rng)}${kind}`;
    },
    'social organisation',
  );
  const category = orgType === '社会团体' ? '1' : orgType === '民办非企业单位' ? '2' : '3';
  const uscc = claimCode(opts, () => generateUscc(rng, { authority: '5', category, region: cityLevel ? region.code : district.code }));
  const rep = legalRep(rng, opts, 0.01);
  return {
    kind: 'social_organisation',
    orgType,
    name,
    uscc,
    orgCode: orgCodeFromUscc(uscc) ?? uscc.slice(8, 17),
    sector,
    region: uscc.slice(2, 8),
    address: generateAddress(rng, district, { region }),
    establishedOn: formatDay(establishedDay(rng, parseDay(opts.today), 2000)),
    legalRepName: rep.name,
    legalRepIdType: rep.idType,
    legalRepId: rep.idNumber,
  };
}
