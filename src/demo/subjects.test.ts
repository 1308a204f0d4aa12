import { describe, expect, it } from 'vitest';
import { createRng, validateCode, validateRegNo, validateResidentId } from '../codes/index.js';
import { DEPARTMENTS } from './departments.js';
import { FUZHOU } from './region.js';
import { generateEnterprise, generatePerson } from './subjects.js';
import { smallCity, TODAY } from './test-fixtures.js';

const districtCodes = new Set(FUZHOU.districts.map((d) => d.code));

describe('region', () => {
  it('has unique six-digit division codes inside 350100 and unique names', () => {
    const codes = FUZHOU.districts.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^3501\d\d$/);
    expect(new Set(FUZHOU.districts.map((d) => d.name)).size).toBe(codes.length);
    expect(codes).toContain('350112'); // 长乐区 since 2017, not the old 350182
  });
});

describe('departments', () => {
  it('have unique codes and valid government-body USCCs registered in 350100', () => {
    expect(new Set(DEPARTMENTS.map((d) => d.code)).size).toBe(DEPARTMENTS.length);
    expect(new Set(DEPARTMENTS.map((d) => d.uscc)).size).toBe(DEPARTMENTS.length);
    for (const d of DEPARTMENTS) {
      const v = validateCode(d.uscc);
      expect(v.valid, d.name).toBe(true);
      expect(v.kind).toBe('uscc');
      expect(d.uscc.slice(0, 8)).toBe('11350100');
    }
  });

  it('include exactly one credit centre, which decides nothing', () => {
    const centres = DEPARTMENTS.filter((d) => d.kind === 'credit_centre');
    expect(centres.map((d) => d.code)).toEqual(['XYZX']);
    expect(centres[0]?.penaltyTemplates).toHaveLength(0);
  });

  it('list the penalty types, licence kinds and laws of their templates', () => {
    const market = DEPARTMENTS.find((d) => d.code === 'SCJG');
    expect(market?.penaltyTypes).toContain('经营超过保质期的食品');
    expect(market?.licenceKinds).toContain('食品经营许可证准予许可决定书');
    expect(market?.legalBases).toContain('《中华人民共和国食品安全法》');
  });
});

describe('subjects', () => {
  const city = smallCity();
  const organisations = [...city.enterprises, ...city.individualBusinesses, ...city.publicInstitutions, ...city.socialOrganisations];

  it('have unique names across the whole city', () => {
    const names = [...organisations, ...city.persons].map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('give every organisation a valid USCC of the right authority and category', () => {
    const prefix = { enterprise: ['91', '93'], individual_business: ['92'], public_institution: ['12'], social_organisation: ['51', '52', '53'] };
    for (const s of organisations) {
      if (s.uscc === null) continue;
      const v = validateCode(s.uscc);
      expect(v.valid, `${s.name} ${s.uscc}`).toBe(true);
      expect(v.kind).toBe('uscc');
      expect(prefix[s.kind]).toContain(s.uscc.slice(0, 2));
      expect(s.uscc.slice(2, 8) === FUZHOU.code || districtCodes.has(s.uscc.slice(2, 8))).toBe(true);
    }
  });

  it('never reuse an identifier', () => {
    const codes = organisations.flatMap((s) => (s.uscc === null ? [] : [s.uscc]));
    expect(new Set(codes).size).toBe(codes.length);
    const ids = [...city.persons.map((p) => p.idNumber), ...organisations.map((s) => s.legalRepId)];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('give legacy subjects a valid 工商注册号, and every 个体工商户 without a USCC one', () => {
    for (const s of [...city.enterprises, ...city.individualBusinesses]) {
      if (s.kind === 'individual_business' && s.uscc === null) expect(s.regNo, s.name).toBeDefined();
      if (s.regNo !== undefined) expect(validateRegNo(s.regNo).valid).toBe(true);
    }
    expect(city.individualBusinesses.some((b) => b.uscc === null)).toBe(true);
  });

  it('give persons a valid resident ID consistent with sex and birth date, adults on today', () => {
    for (const p of city.persons) {
      const v = validateResidentId(p.idNumber, { today: TODAY });
      expect(v.valid, p.idNumber).toBe(true);
      expect(v.details.sex).toBe(p.sex);
      expect(v.details.birthDate).toBe(p.birthDate);
      expect(p.birthDate <= '2008-11-21').toBe(true);
      expect(districtCodes.has(p.region)).toBe(true);
    }
  });

  it('give legal representatives valid IDs when the ID type is 身份证', () => {
    let checked = 0;
    for (const s of organisations) {
      if (s.legalRepIdType !== '身份证') continue;
      expect(validateResidentId(s.legalRepId, { today: TODAY }).valid, s.legalRepId).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(organisations.length * 0.9);
    // Fuzhou has Taiwanese and Hong Kong investors: a few representatives carry a travel permit.
    expect(organisations.some((s) => s.legalRepIdType === '台湾居民来往大陆通行证')).toBe(true);
  });

  it('form names the way registries do', () => {
    const suffix = (form: string): RegExp =>
      form === '个人独资企业' ? /(商行|经营部|工作室|工程部|修理厂)$/ : form === '农民专业合作社' ? /专业合作社$/ : new RegExp(`${form.replace(/[（）]/g, '.')}$`);
    for (const e of city.enterprises) expect(e.name, e.form).toMatch(suffix(e.form));
    expect(city.enterprises.some((e) => e.name.includes('（福州）'))).toBe(true);
    for (const b of city.individualBusinesses) expect(b.name).toMatch(/^(福州市)?\S+?(区|县|市)/);
    for (const p of city.persons) expect(p.name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
  });

  it('are established before today and have an address in the city', () => {
    for (const s of organisations) {
      expect(s.establishedOn < TODAY).toBe(true);
      expect(s.address).toMatch(/福州市|平潭综合实验区/);
    }
  });

  it('are reproducible one by one from an Rng', () => {
    const a = generateEnterprise(createRng(5), { today: TODAY });
    const b = generateEnterprise(createRng(5), { today: TODAY });
    expect(a).toEqual(b);
    expect(generatePerson(createRng(5), { today: TODAY })).toEqual(generatePerson(createRng(5), { today: TODAY }));
  });

  it('stay in one district when asked', () => {
    const rng = createRng(9);
    for (let i = 0; i < 20; i++) {
      const e = generateEnterprise(rng, { today: TODAY, district: '350181' });
      expect(e.address).toContain('福清市');
    }
  });
});
