/**
 * The demo city: 福州市 with its GB/T 2260 county-level divisions, townships and real road names,
 * so that addresses, USCC region digits and resident-ID address codes all agree with each other.
 */

/** One county-level division of the city. */
export interface District {
  /** 6-digit GB/T 2260 code, e.g. `350102`. */
  code: string;
  /** Full name, e.g. `鼓楼区`. */
  name: string;
  /** 区 (urban district), 县 (county) or 市 (county-level city): addresses are written differently. */
  level: '区' | '县' | '市';
  /** 街道 / 镇 / 乡 inside the division. */
  towns: readonly string[];
  /** Real roads, used for street addresses. */
  roads: readonly string[];
  /** Real industrial parks or zones, used for some enterprise addresses. */
  parks: readonly string[];
  /** Relative share of the city's registered businesses, for sampling. */
  weight: number;
}

/** The city and its divisions. */
export interface DemoRegion {
  province: string;
  /** 6-digit code of the prefecture-level city. */
  code: string;
  name: string;
  /** One-character abbreviation used in document numbers: 福州 is 榕. */
  abbreviation: string;
  /** Licence-plate prefix of the city, used in some certificate numbers. */
  platePrefix: string;
  districts: readonly District[];
}

/**
 * 福州市 (350100). Division codes as in GB/T 2260 since 长乐 became a district in 2017 (350182 →
 * 350112); weights roughly follow where businesses are registered.
 */
export const FUZHOU: DemoRegion = {
  province: '福建省',
  code: '350100',
  name: '福州市',
  abbreviation: '榕',
  platePrefix: '闽A',
  districts: [
    {
      code: '350102',
      name: '鼓楼区',
      level: '区',
      towns: ['鼓东街道', '鼓西街道', '温泉街道', '东街街道', '南街街道', '安泰街道', '华大街道', '水部街道', '五凤街道', '洪山镇'],
      roads: ['五四路', '东街', '杨桥中路', '杨桥东路', '湖东路', '古田路', '华林路', '北大路', '铜盘路', '五一北路', '乌山路', '鼓屏路', '温泉路', '工业路', '白马北路', '西洪路', '六一北路'],
      parks: [],
      weight: 16,
    },
    {
      code: '350103',
      name: '台江区',
      level: '区',
      towns: ['瀛洲街道', '后洲街道', '义洲街道', '新港街道', '上海街道', '苍霞街道', '茶亭街道', '洋中街道', '鳌峰街道', '宁化街道'],
      roads: ['五一中路', '八一七中路', '八一七南路', '江滨中大道', '广达路', '台江路', '交通路', '六一中路', '群众路', '达道路', '学军路', '鳌峰路', '排尾路', '国货西路'],
      parks: [],
      weight: 11,
    },
    {
      code: '350104',
      name: '仓山区',
      level: '区',
      towns: ['仓前街道', '东升街道', '对湖街道', '临江街道', '上渡街道', '下渡街道', '三叉街街道', '上三路街道', '金山街道', '盖山镇', '建新镇', '城门镇', '螺洲镇'],
      roads: ['首山路', '则徐大道', '浦上大道', '金山大道', '南江滨西大道', '福湾路', '上三路', '对湖路', '程埔路', '盘屿路', '梅坞路', '观井路'],
      parks: ['金山工业区'],
      weight: 15,
    },
    {
      code: '350105',
      name: '马尾区',
      level: '区',
      towns: ['罗星街道', '马尾镇', '亭江镇', '琅岐镇'],
      roads: ['江滨东大道', '罗星西路', '君竹路', '湖里路', '儒江西路'],
      parks: ['福州经济技术开发区'],
      weight: 6,
    },
    {
      code: '350111',
      name: '晋安区',
      level: '区',
      towns: ['茶园街道', '王庄街道', '象园街道', '鼓山镇', '新店镇', '岳峰镇', '宦溪镇', '寿山乡'],
      roads: ['福新中路', '化工路', '鹤林路', '远洋路', '福飞北路', '连江北路', '晋连路', '秀峰路', '福马路'],
      parks: [],
      weight: 12,
    },
    {
      code: '350112',
      name: '长乐区',
      level: '区',
      towns: ['吴航街道', '航城街道', '营前街道', '漳港街道', '首占镇', '玉田镇', '松下镇', '江田镇', '古槐镇', '文武砂镇', '金峰镇', '潭头镇', '梅花镇'],
      roads: ['郑和中路'],
      parks: ['数字福建（长乐）产业园'],
      weight: 6,
    },
    {
      code: '350121',
      name: '闽侯县',
      level: '县',
      towns: ['甘蔗街道', '上街镇', '南屿镇', '南通镇', '青口镇', '祥谦镇', '荆溪镇', '尚干镇'],
      roads: ['高新大道', '乌龙江中大道', '学府南路', '溪源江路', '科技东路'],
      parks: ['青口投资区'],
      weight: 9,
    },
    {
      code: '350122',
      name: '连江县',
      level: '县',
      towns: ['凤城镇', '敖江镇', '琯头镇', '东岱镇', '黄岐镇', '筱埕镇', '丹阳镇'],
      roads: [],
      parks: [],
      weight: 4,
    },
    {
      code: '350123',
      name: '罗源县',
      level: '县',
      towns: ['凤山镇', '松山镇', '起步镇', '碧里乡'],
      roads: [],
      parks: [],
      weight: 2,
    },
    {
      code: '350124',
      name: '闽清县',
      level: '县',
      towns: ['梅城镇', '梅溪镇', '白樟镇', '坂东镇'],
      roads: [],
      parks: [],
      weight: 2,
    },
    {
      code: '350125',
      name: '永泰县',
      level: '县',
      towns: ['樟城镇', '城峰镇', '清凉镇', '嵩口镇', '葛岭镇'],
      roads: [],
      parks: [],
      weight: 2,
    },
    {
      code: '350128',
      name: '平潭县',
      level: '县',
      towns: ['潭城镇', '苏澳镇', '流水镇', '澳前镇', '北厝镇', '平原镇', '敖东镇'],
      roads: [],
      parks: ['金井湾片区商务营运中心'],
      weight: 4,
    },
    {
      code: '350181',
      name: '福清市',
      level: '市',
      towns: ['玉屏街道', '龙山街道', '龙江街道', '宏路街道', '石竹街道', '音西街道', '阳下街道', '海口镇', '城头镇', '龙田镇', '江阴镇', '高山镇', '东张镇', '渔溪镇'],
      roads: ['清昌大道'],
      parks: ['融侨经济技术开发区', '江阴工业集中区', '元洪投资区'],
      weight: 11,
    },
  ],
};

/**
 * Address codes found on residents' ID cards besides the city's own divisions: neighbouring
 * places in the province, and 350182 (the former 长乐市) which old cards keep after 2017.
 */
export const ORIGIN_REGION_CODES: readonly string[] = [
  '350182', '350203', '350206', '350302', '350322', '350402', '350521', '350582', '350782', '350802', '350902',
];

/** The division with a given code, or undefined. */
export function districtByCode(code: string, region: DemoRegion = FUZHOU): District | undefined {
  return region.districts.find((d) => d.code === code);
}
