/** 措施清单 and 联合奖惩: measures, joint tasks (发起—响应—反馈), credit checks. */
export { endJointTasks, openJointTasks } from './joint-tasks.js';
export { BUILTIN_MATTERS, ensureBuiltinMatters } from './builtin-matters.js';
