/**
 * Working-day deadlines of due process. They are local practice (STANDARDS.md §3–§6), so a deployment
 * sets them by environment variable (see README "Configuration"); these are the defaults.
 */
export interface DueProcessDeadlines {
  /** The credit centre accepts or refuses an objection (XINYONG_OBJECTION_ACCEPT_WORKDAYS). */
  objectionAcceptWorkdays: number;
  /** The source department verifies an accepted objection (XINYONG_OBJECTION_VERIFY_WORKDAYS). */
  objectionVerifyWorkdays: number;
  /** The source department reviews a submitted repair application (XINYONG_REPAIR_DEPARTMENT_WORKDAYS). */
  repairDepartmentWorkdays: number;
  /** The credit centre decides a repair application, counted from filing (XINYONG_REPAIR_TOTAL_WORKDAYS). */
  repairTotalWorkdays: number;
  /** The department handles an assigned complaint (XINYONG_COMPLAINT_WORKDAYS). */
  complaintWorkdays: number;
}

export const DEFAULT_DUE_PROCESS_DEADLINES: Readonly<DueProcessDeadlines> = Object.freeze({
  objectionAcceptWorkdays: 2,
  objectionVerifyWorkdays: 10,
  repairDepartmentWorkdays: 3,
  repairTotalWorkdays: 10,
  complaintWorkdays: 15,
});

/** The environment variable of each deadline. */
export const DUE_PROCESS_ENV: Readonly<Record<keyof DueProcessDeadlines, string>> = Object.freeze({
  objectionAcceptWorkdays: 'XINYONG_OBJECTION_ACCEPT_WORKDAYS',
  objectionVerifyWorkdays: 'XINYONG_OBJECTION_VERIFY_WORKDAYS',
  repairDepartmentWorkdays: 'XINYONG_REPAIR_DEPARTMENT_WORKDAYS',
  repairTotalWorkdays: 'XINYONG_REPAIR_TOTAL_WORKDAYS',
  complaintWorkdays: 'XINYONG_COMPLAINT_WORKDAYS',
});
