import { describe, expect, it } from 'vitest';
import { DEFAULT_DUE_PROCESS_DEADLINES } from '../kernel/due-process-deadlines.js';
import { loadConfig } from './config.js';

describe('configuration of due-process deadlines', () => {
  it('defaults to local practice: 2 + 10 working days for objections, 3 / 10 for repair, 15 for complaints', () => {
    expect(loadConfig({}).dueProcess).toEqual({ objectionAcceptWorkdays: 2, objectionVerifyWorkdays: 10, repairDepartmentWorkdays: 3, repairTotalWorkdays: 10, complaintWorkdays: 15 });
    expect(loadConfig({}).dueProcess).toEqual(DEFAULT_DUE_PROCESS_DEADLINES);
  });

  it('reads each deadline from its environment variable', () => {
    const config = loadConfig({ XINYONG_OBJECTION_ACCEPT_WORKDAYS: '3', XINYONG_OBJECTION_VERIFY_WORKDAYS: '7', XINYONG_REPAIR_DEPARTMENT_WORKDAYS: '5', XINYONG_REPAIR_TOTAL_WORKDAYS: '15', XINYONG_COMPLAINT_WORKDAYS: '20' });
    expect(config.dueProcess).toEqual({ objectionAcceptWorkdays: 3, objectionVerifyWorkdays: 7, repairDepartmentWorkdays: 5, repairTotalWorkdays: 15, complaintWorkdays: 20 });
  });

  it('refuses a deadline that is not a whole number of working days from 1 to 250, naming the variable', () => {
    expect(() => loadConfig({ XINYONG_OBJECTION_ACCEPT_WORKDAYS: '0' })).toThrow(/XINYONG_OBJECTION_ACCEPT_WORKDAYS.*1 到 250/);
    expect(() => loadConfig({ XINYONG_COMPLAINT_WORKDAYS: '2.5' })).toThrow(/XINYONG_COMPLAINT_WORKDAYS 必须是非负整数/);
    expect(() => loadConfig({ XINYONG_REPAIR_TOTAL_WORKDAYS: '400' })).toThrow(/XINYONG_REPAIR_TOTAL_WORKDAYS/);
    expect(() => loadConfig({ XINYONG_REPAIR_DEPARTMENT_WORKDAYS: '12' })).toThrow(/不能长于信用修复办理总期限/);
  });
});
