import { Compile } from 'typebox/compile';
import { AppError } from '../kernel/errors.js';
import { CatalogErrors } from './errors.js';
import { TopicDefinitionSchema, type TopicDefinition } from './schemas.js';

const compiled = Compile(TopicDefinitionSchema);

/**
 * Checks a topic definition beyond its JSON shape: every reference names an existing item, enumerations
 * have values, code items say which code. Throws CATALOG_INVALID_DEFINITION listing every problem.
 */
export function checkTopicDefinition(input: unknown): TopicDefinition {
  if (!compiled.Check(input)) {
    const problems = [...compiled.Errors(input)].slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message}`);
    throw new AppError(CatalogErrors.CATALOG_INVALID_DEFINITION, { detail: problems.join('；') }, { problems });
  }
  const def = input;
  const problems: string[] = [];
  const codes = new Set<string>();
  for (const item of def.items) {
    if (codes.has(item.code)) problems.push(`数据项代码 ${item.code} 重复`);
    codes.add(item.code);
    if (item.type === 'enum' && !item.enum?.length) problems.push(`枚举数据项 ${item.code} 没有取值列表`);
    if (item.type === 'code' && !item.codeKind) problems.push(`代码数据项 ${item.code} 未指明代码种类`);
  }
  const mustExist = (code: string | undefined, role: string) => {
    if (code !== undefined && !codes.has(code)) problems.push(`${role} 引用了不存在的数据项 ${code}`);
  };
  for (const code of def.businessKey) mustExist(code, '业务主键');
  for (const code of def.keyFields) mustExist(code, '关键字段');
  for (const [role, code] of Object.entries(def.subject)) mustExist(code, `主体映射 ${role}`);
  mustExist(def.decisionDateItem, '决定日期');
  mustExist(def.publicationEndItem, '公示截止期');
  mustExist(def.validityEndItem, '有效期至');
  if (def.timelinessWorkdays !== undefined && def.decisionDateItem === undefined) {
    problems.push('设置了公示时限（timelinessWorkdays）但未指定决定日期数据项');
  }
  if (def.statusItem !== undefined) {
    const item = def.items.find((candidate) => candidate.code === def.statusItem);
    if (!item) problems.push(`登记状态 引用了不存在的数据项 ${def.statusItem}`);
    else if (item.type !== 'enum' || item.multiple) problems.push(`登记状态数据项 ${def.statusItem} 须为单值枚举`);
    else if (item.disclosure !== 'public') problems.push(`登记状态数据项 ${def.statusItem} 须为社会公开`);
    if (def.decisionDateItem === undefined) problems.push('设置了登记状态（statusItem）但未指定决定日期数据项（按决定日期取最新状态）');
  }
  if (def.publication.kind === 'months' && def.publication.months === undefined) problems.push('公示规则为 months 时须给出月数');
  if (problems.length > 0) {
    throw new AppError(CatalogErrors.CATALOG_INVALID_DEFINITION, { detail: problems.join('；') }, { problems });
  }
  return def;
}
