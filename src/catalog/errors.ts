import { defineErrors } from '../kernel/errors.js';

export const CatalogErrors = defineErrors({
  CATALOG_INVALID_DEFINITION: { status: 400, zh: '目录定义不合法：{detail}', en: 'Invalid topic definition: {detail}' },
  CATALOG_TOPIC_NOT_FOUND: { status: 404, zh: '目录中没有数据主题「{topic}」', en: 'No topic "{topic}" in the catalogue' },
  CATALOG_TOPIC_EXISTS: { status: 409, zh: '数据主题代码「{topic}」已存在', en: 'Topic code "{topic}" already exists' },
  CATALOG_TOPIC_INACTIVE: { status: 409, zh: '数据主题「{topic}」已停用，不接收报送', en: 'Topic "{topic}" is inactive' },
  CATALOG_CODE_CHANGE: { status: 400, zh: '数据主题代码不可修改（原为「{from}」）', en: 'A topic code cannot change (was "{from}")' },
});
