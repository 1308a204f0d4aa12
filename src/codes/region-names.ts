import { PROVINCE_CODES } from './resident-id.js';

/**
 * Names of prefecture- and county-level divisions (GB/T 2260), keyed by their 6-digit code. Not the
 * whole standard: the divisions of 福建省 the platform has needed so far. A plain table, one line per
 * division, so adding a province is adding lines; a code missing here still shows its province.
 * Codes retired by a reorganisation stay (old ID cards and registrations keep them), marked as such.
 */
export const REGION_NAMES: Readonly<Record<string, string>> = {
  // 福建省: prefecture-level cities.
  '350100': '福州市',
  '350200': '厦门市',
  '350300': '莆田市',
  '350400': '三明市',
  '350500': '泉州市',
  '350600': '漳州市',
  '350700': '南平市',
  '350800': '龙岩市',
  '350900': '宁德市',
  // 福州市.
  '350102': '鼓楼区',
  '350103': '台江区',
  '350104': '仓山区',
  '350105': '马尾区',
  '350111': '晋安区',
  '350112': '长乐区',
  '350121': '闽侯县',
  '350122': '连江县',
  '350123': '罗源县',
  '350124': '闽清县',
  '350125': '永泰县',
  '350128': '平潭县',
  '350181': '福清市',
  '350182': '长乐市', // retired 2017 (now 长乐区 350112)
  // 厦门市.
  '350203': '思明区',
  '350205': '海沧区',
  '350206': '湖里区',
  '350211': '集美区',
  '350212': '同安区',
  '350213': '翔安区',
};

/**
 * The full name of a division: `350102` → 福建省福州市鼓楼区; a county this table does not know shows its
 * city (`350521` → 福建省泉州市), an unknown city its province (`110101` → 北京市). Null for anything that
 * is not a 6-digit code of a known province.
 */
export function regionNameOf(code: string | null | undefined): string | null {
  if (!code || !/^\d{6}$/.test(code)) return null;
  const province = PROVINCE_CODES[code.slice(0, 2)];
  if (!province) return null;
  const cityCode = `${code.slice(0, 4)}00`;
  const city = cityCode === code ? undefined : REGION_NAMES[cityCode];
  const own = code.endsWith('0000') ? undefined : REGION_NAMES[code];
  return `${province}${city ?? ''}${own ?? ''}`;
}
