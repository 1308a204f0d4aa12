/** 措施清单 and 联合奖惩: measures, joint tasks (发起—响应—反馈), department webhooks. */
export { MeasureErrors } from './errors.js';
export * from './schemas.js';
/** 发起 (entries became active) and 撤销 (entries ended): called by the lists module in its transactions. */
export { endJointTasks, openJointTasks } from './joint-tasks.js';
export { BUILTIN_MATTERS, ensureBuiltinMatters } from './builtin-matters.js';
/** The built-in 措施清单 and its idempotent installation (links departments created later). */
export { BUILTIN_MEASURES, ensureBuiltinMeasures, type MeasureDefinition } from './builtin-measures.js';
export { getMeasure, listMatters, listMeasures } from './read-measures.js';
export { createMeasure, updateMeasure } from './save-measure.js';
export { jointTaskStats, listJointTasks } from './read-joint-tasks.js';
export { answerJointTask } from './answer-joint-task.js';
export { deactivateWebhook, listWebhooks, registerWebhook } from './save-webhook.js';
/** One round of webhook delivery of outbox events; the scheduler calls it periodically. */
export { deliverOutbox, signWebhook, type DeliverOutboxOptions, type DeliverOutboxResult } from './deliver-outbox.js';
/** Registers /measures, /matters, /joint-tasks and /webhooks (mounted under /api/v1 by the caller). */
export { registerMeasureRoutes } from './routes.js';
/** Pending tasks with their due dates, oldest first (for the demo loader). */
export { listPendingTaskDueDates } from './repository.js';
