/** Shapes of the console's API answers, from the server modules' schemas. */
export type { ApiTokenView, CreatedApiToken, DepartmentView, UserView } from '../../../src/access/schemas.js';
export type { DataItem, Topic, TopicDefinition } from '../../../src/catalog/schemas.js';
export type { BatchView as Batch } from '../../../src/ingest/schemas.js';
export type { RecordDetail, RecordSummary as RecordListItem } from '../../../src/records/schemas.js';
export type {
  JointTask,
  JointTaskPage,
  JointTaskStats,
  JointTaskStatsRow,
  JointTaskStatus,
  Matter,
  Measure,
  MeasureBind,
  MeasureInput,
  MeasureKind,
  MeasureStrength,
} from '../../../src/measures/schemas.js';
export type { ListEntryDetail, ListEntryPage, ListEntryView, ListTypeInput, ListTypeView, ProposeEntryInput, SweepResult } from '../../../src/lists/schemas.js';
export type { CheckEntry, CheckLogItem, CheckLogPage, CheckMeasure, CheckResult } from '../../../src/checks/schemas.js';
