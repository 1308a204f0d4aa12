import { describe, expect, it } from 'vitest';
import { REGISTRATION_STATUSES, REGISTRATION_STATUS_ALIASES, REGISTRATION_TOPIC } from '../catalog/index.js';
import { validateCode } from '../codes/index.js';
import { REGISTRATION_COLUMNS } from './registrations.js';
import { smallCity, TODAY } from './test-fixtures.js';

const city = smallCity();
const rows = city.registrationRows;
const statusOf = (row: Record<string, string>) => REGISTRATION_STATUS_ALIASES[(row.DJ_DJZT ?? '').normalize('NFKC')] ?? row.DJ_DJZT;

describe('registration rows (市场主体登记信息)', () => {
  it('cover every enterprise and 个体工商户 once or twice, with the catalogue’s columns and required items', () => {
    const names = new Set(rows.map((row) => row.DJ_ZTMC));
    expect(names.size).toBe(city.enterprises.length + city.individualBusinesses.length);
    const required = REGISTRATION_TOPIC.items.filter((item) => item.required).map((item) => item.code);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual([...REGISTRATION_COLUMNS].sort());
      for (const code of required) expect(row[code], code).not.toBe('');
      expect(REGISTRATION_STATUSES).toContain(statusOf(row));
      if (row.DJ_SHXYM !== '00000000000000000X') expect(validateCode(row.DJ_SHXYM ?? '').valid).toBe(true);
      expect(row.DJ_HZRQ! >= row.DJ_CLRQ!).toBe(true);
      expect(row.DJ_HZRQ! <= TODAY).toBe(true);
      if (row.DJ_ZCZB) expect(Number(row.DJ_ZCZB)).toBeGreaterThan(0);
    }
  });

  it('are mostly 存续, with a few subjects revoked or deregistered after their establishment record', () => {
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(statusOf(row)!, (counts.get(statusOf(row)!) ?? 0) + 1);
    const subjects = city.enterprises.length + city.individualBusinesses.length;
    expect(counts.get('存续')! / rows.length).toBeGreaterThan(0.85);
    expect(counts.get('吊销')).toBeGreaterThan(subjects * 0.01);
    expect(counts.get('注销')).toBeGreaterThan(subjects * 0.01);
    // Each ended subject also has its 存续 record, older than the end.
    const byName = new Map<string, Record<string, string>[]>();
    for (const row of rows) byName.set(row.DJ_ZTMC!, [...(byName.get(row.DJ_ZTMC!) ?? []), row]);
    for (const group of byName.values()) {
      if (group.length === 1) continue;
      expect(group.map(statusOf)).toEqual(['存续', expect.stringMatching(/^(吊销|注销)$/)]);
      expect(group[0]!.DJ_HZRQ! < group[1]!.DJ_HZRQ!).toBe(true);
    }
  });

  it('are registered by the district’s bureau or the city’s', () => {
    for (const row of rows) expect(row.DJ_DJJG).toMatch(/^(福州市(鼓楼区|台江区|仓山区|马尾区|晋安区|长乐区)?|闽侯县|连江县|罗源县|闽清县|永泰县|平潭县|福清市)市场监督管理局$/);
  });
});
