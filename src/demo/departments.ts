/**
 * The source departments of the demo city and the credit centre itself. Each has a government-body
 * USCC (authority 1, category 1, registered in 350100) and the penalty and licence kinds it decides.
 */
import { createRng, generateUscc } from '../codes/index.js';
import {
  CONSTRUCTION_LICENCES,
  CULTURE_LICENCES,
  ECOLOGY_LICENCES,
  FIRE_LICENCES,
  HEALTH_LICENCES,
  HR_LICENCES,
  LAND_LICENCES,
  MARKET_LICENCES,
  POLICE_LICENCES,
  SAFETY_LICENCES,
  TAX_LICENCES,
  TRANSPORT_LICENCES,
  URBAN_LICENCES,
} from './licence-templates.js';
import type { LicenceTemplate } from './licence-templates.js';
import {
  CONSTRUCTION_TEMPLATES,
  CULTURE_TEMPLATES,
  ECOLOGY_TEMPLATES,
  FIRE_TEMPLATES,
  HEALTH_TEMPLATES,
  HR_TEMPLATES,
  LAND_TEMPLATES,
  MARKET_TEMPLATES,
  POLICE_TEMPLATES,
  SAFETY_TEMPLATES,
  TAX_TEMPLATES,
  TRANSPORT_TEMPLATES,
  URBAN_TEMPLATES,
} from './penalty-templates.js';
import type { PenaltyTemplate } from './penalty-templates.js';
import { FUZHOU } from './region.js';
import { deriveSeed } from './rng.js';

/** A department that submits records, or the credit centre that runs the platform. */
export interface Department {
  /** Short stable code, e.g. `SCJG`; used as the department key in demo data. */
  code: string;
  name: string;
  kind: 'department' | 'credit_centre';
  /** Valid 11350100… USCC, the same in every demo city (it does not depend on the city seed). */
  uscc: string;
  /** Prefix of its penalty decision numbers, e.g. 榕市监处罚 → 榕市监处罚〔2025〕123号. */
  penaltyDocPrefix: string;
  /** Zero-padding of the serial in decision numbers (fire and police write 0012). */
  serialWidth: number;
  /** Share of the city's penalty decisions and of its licence decisions. */
  penaltyShare: number;
  licenceShare: number;
  penaltyTemplates: readonly PenaltyTemplate[];
  licenceTemplates: readonly LicenceTemplate[];
  /** 违法行为类型 it decides, derived from its templates. */
  penaltyTypes: readonly string[];
  /** Licence kinds (决定文书名称) it grants, derived from its templates. */
  licenceKinds: readonly string[];
  /** Laws and regulations it applies, derived from its templates. */
  legalBases: readonly string[];
}

type DepartmentSpec = Omit<Department, 'uscc' | 'penaltyTypes' | 'licenceKinds' | 'legalBases'>;

// Fixed so that department codes never change between demo runs, whatever the city seed.
const DEPARTMENT_SEED = 0x58594e47;

const SPECS: readonly DepartmentSpec[] = [
  { code: 'SCJG', name: '福州市市场监督管理局', kind: 'department', penaltyDocPrefix: '榕市监处罚', serialWidth: 0, penaltyShare: 34, licenceShare: 42, penaltyTemplates: MARKET_TEMPLATES, licenceTemplates: MARKET_LICENCES },
  { code: 'STHJ', name: '福州市生态环境局', kind: 'department', penaltyDocPrefix: '榕环罚', serialWidth: 0, penaltyShare: 7, licenceShare: 4, penaltyTemplates: ECOLOGY_TEMPLATES, licenceTemplates: ECOLOGY_LICENCES },
  // The tax authority's official name; its decisions are signed by the 稽查局 or issued under the simple procedure.
  { code: 'SW', name: '国家税务总局福州市税务局', kind: 'department', penaltyDocPrefix: '榕税稽罚', serialWidth: 0, penaltyShare: 14, licenceShare: 6, penaltyTemplates: TAX_TEMPLATES, licenceTemplates: TAX_LICENCES },
  { code: 'YJGL', name: '福州市应急管理局', kind: 'department', penaltyDocPrefix: '榕应急罚', serialWidth: 0, penaltyShare: 6, licenceShare: 2, penaltyTemplates: SAFETY_TEMPLATES, licenceTemplates: SAFETY_LICENCES },
  // Fuzhou's construction bureau is named 城乡建设局 since the 2019 reorganisation.
  { code: 'ZJ', name: '福州市城乡建设局', kind: 'department', penaltyDocPrefix: '榕建罚', serialWidth: 0, penaltyShare: 5, licenceShare: 6, penaltyTemplates: CONSTRUCTION_TEMPLATES, licenceTemplates: CONSTRUCTION_LICENCES },
  { code: 'JT', name: '福州市交通运输局', kind: 'department', penaltyDocPrefix: '榕交执罚', serialWidth: 0, penaltyShare: 6, licenceShare: 8, penaltyTemplates: TRANSPORT_TEMPLATES, licenceTemplates: TRANSPORT_LICENCES },
  { code: 'WJW', name: '福州市卫生健康委员会', kind: 'department', penaltyDocPrefix: '榕卫罚', serialWidth: 0, penaltyShare: 4, licenceShare: 7, penaltyTemplates: HEALTH_TEMPLATES, licenceTemplates: HEALTH_LICENCES },
  { code: 'CG', name: '福州市城市管理委员会', kind: 'department', penaltyDocPrefix: '榕城管罚', serialWidth: 0, penaltyShare: 8, licenceShare: 5, penaltyTemplates: URBAN_TEMPLATES, licenceTemplates: URBAN_LICENCES },
  { code: 'XF', name: '福州市消防救援支队', kind: 'department', penaltyDocPrefix: '榕消行罚决字', serialWidth: 4, penaltyShare: 7, licenceShare: 3, penaltyTemplates: FIRE_TEMPLATES, licenceTemplates: FIRE_LICENCES },
  { code: 'RS', name: '福州市人力资源和社会保障局', kind: 'department', penaltyDocPrefix: '榕人社监罚', serialWidth: 0, penaltyShare: 3, licenceShare: 2, penaltyTemplates: HR_TEMPLATES, licenceTemplates: HR_LICENCES },
  // Fuzhou merged culture, sport and tourism into one bureau.
  { code: 'WL', name: '福州市文化体育和旅游局', kind: 'department', penaltyDocPrefix: '榕文旅罚', serialWidth: 0, penaltyShare: 2, licenceShare: 3, penaltyTemplates: CULTURE_TEMPLATES, licenceTemplates: CULTURE_LICENCES },
  { code: 'ZRZY', name: '福州市自然资源和规划局', kind: 'department', penaltyDocPrefix: '榕自然资罚', serialWidth: 0, penaltyShare: 2, licenceShare: 4, penaltyTemplates: LAND_TEMPLATES, licenceTemplates: LAND_LICENCES },
  { code: 'GA', name: '福州市公安局', kind: 'department', penaltyDocPrefix: '榕公行罚决字', serialWidth: 4, penaltyShare: 2, licenceShare: 3, penaltyTemplates: POLICE_TEMPLATES, licenceTemplates: POLICE_LICENCES },
  // Departments that decide lists and carry out measures, but submit no 双公示 records in the demo.
  { code: 'FGW', name: '福州市发展和改革委员会', kind: 'department', penaltyDocPrefix: '榕发改罚', serialWidth: 0, penaltyShare: 0, licenceShare: 0, penaltyTemplates: [], licenceTemplates: [] },
  { code: 'CZ', name: '福州市财政局', kind: 'department', penaltyDocPrefix: '榕财采罚', serialWidth: 0, penaltyShare: 0, licenceShare: 0, penaltyTemplates: [], licenceTemplates: [] },
  { code: 'FY', name: '福州市中级人民法院', kind: 'department', penaltyDocPrefix: '', serialWidth: 0, penaltyShare: 0, licenceShare: 0, penaltyTemplates: [], licenceTemplates: [] },
  { code: 'GGZY', name: '福州市公共资源交易中心', kind: 'department', penaltyDocPrefix: '', serialWidth: 0, penaltyShare: 0, licenceShare: 0, penaltyTemplates: [], licenceTemplates: [] },
  { code: 'XYZX', name: '福州市公共信用信息中心', kind: 'credit_centre', penaltyDocPrefix: '', serialWidth: 0, penaltyShare: 0, licenceShare: 0, penaltyTemplates: [], licenceTemplates: [] },
];

function build(spec: DepartmentSpec): Department {
  const rng = createRng(deriveSeed(DEPARTMENT_SEED, spec.code));
  const laws = new Set<string>();
  for (const t of spec.penaltyTemplates) {
    laws.add(t.law);
    if (t.violatedLaw) laws.add(t.violatedLaw);
  }
  return {
    ...spec,
    uscc: generateUscc(rng, { authority: '1', category: '1', region: FUZHOU.code }),
    penaltyTypes: [...new Set(spec.penaltyTemplates.map((t) => t.violation))],
    licenceKinds: [...new Set(spec.licenceTemplates.map((t) => t.documentName))],
    legalBases: [...laws],
  };
}

/** Every department of the demo city, credit centre last; built once, identical in every run. */
export const DEPARTMENTS: readonly Department[] = SPECS.map(build);

/** The department with the given code, or undefined. */
export function departmentByCode(code: string): Department | undefined {
  return DEPARTMENTS.find((d) => d.code === code);
}
