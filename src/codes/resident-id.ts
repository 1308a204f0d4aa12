import { AppError } from '../kernel/errors.js';
import { CodesErrors } from './errors.js';

/** Province-level codes (GB/T 2260) that open a 居民身份证 address code; 83 is used on 台湾居民居住证. */
export const PROVINCE_CODES: Readonly<Record<string, string>> = {
  '11': '北京市', '12': '天津市', '13': '河北省', '14': '山西省', '15': '内蒙古自治区',
  '21': '辽宁省', '22': '吉林省', '23': '黑龙江省',
  '31': '上海市', '32': '江苏省', '33': '浙江省', '34': '安徽省', '35': '福建省', '36': '江西省', '37': '山东省',
  '41': '河南省', '42': '湖北省', '43': '湖南省', '44': '广东省', '45': '广西壮族自治区', '46': '海南省',
  '50': '重庆市', '51': '四川省', '52': '贵州省', '53': '云南省', '54': '西藏自治区',
  '61': '陕西省', '62': '甘肃省', '63': '青海省', '64': '宁夏回族自治区', '65': '新疆维吾尔自治区',
  '71': '台湾省', '81': '香港特别行政区', '82': '澳门特别行政区', '83': '台湾地区（居住证）',
};

export const RESIDENT_ID_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** Indexed by Σ mod 11 (ISO 7064 MOD 11-2 as tabulated in GB 11643). */
const CHECK_CHARS = '10X98765432';

/** Null when `first17` is not 17 digits. */
export function computeResidentIdCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (RESIDENT_ID_WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/** The check character (digit or X) of a 居民身份证号码 from its first 17 digits; throws otherwise. */
export function residentIdCheckChar(first17: string): string {
  const check = computeResidentIdCheckChar(first17);
  if (check === null) {
    throw new AppError(CodesErrors.CODES_INVALID_ARGUMENT, { detail: '计算居民身份证号码校验码需要 17 位数字' });
  }
  return check;
}
