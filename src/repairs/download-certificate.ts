import type { AppContext } from '../app/context.js';
import type { TopicDefinition } from '../catalog/index.js';
import { hasRole, type Actor } from '../kernel/actor.js';
import { chinaDate } from '../kernel/calendar.js';
import { AppError } from '../kernel/errors.js';
import { presentRecord } from '../records/index.js';
import { RepairErrors } from './errors.js';
import { isApplicantSide, repairScope } from './policies.js';
import { getRepair } from './read-repairs.js';
import { renderRepairCertificate, type CertificateContent } from './render-certificate.js';
import * as repo from './repository.js';

const day = (value: string | Date | null) => (value === null ? null : String(value instanceof Date ? value.toISOString() : value).slice(0, 10));

/**
 * The 信用修复决定书 PDF of a granted application, for the applicant's side, the source department and
 * the credit centre (admin). Anyone else — including those who may read the application, such as an
 * auditor — gets not found; an application not (yet) granted has no certificate (REPAIR_NOT_GRANTED).
 * The record is described by its publicly shown items only, personal numbers masked.
 */
export async function downloadCertificate(ctx: AppContext, actor: Actor, id: number): Promise<{ fileName: string; asciiName: string; pdf: Buffer }> {
  repairScope(actor);
  const row = await repo.findRepair(ctx.db, id);
  const sourceDepartment = row !== undefined && row.source_department_id !== null && actor.departmentId === row.source_department_id && hasRole(actor, 'submitter', 'reviewer');
  if (!row || !(isApplicantSide(actor, row) || sourceDepartment)) throw new AppError(RepairErrors.REPAIR_NOT_FOUND, { id });
  const repair = await getRepair(ctx, actor, id);
  if (repair.status !== 'granted' || !repair.certificate) throw new AppError(RepairErrors.REPAIR_NOT_GRANTED, { id });
  const subject = await repo.certificateSubject(ctx.db, repair.subjectId);
  const subjectCode = subject.uscc
    ? { label: '统一社会信用代码', value: subject.uscc }
    : subject.maskedId
      ? { label: subject.maskedKind === 'resident-id' ? '身份证号码（脱敏）' : '证件号码（脱敏）', value: subject.maskedId }
      : null;
  let target: CertificateContent['target'];
  if (repair.target.kind === 'record') {
    const record = await repo.certificateRecord(ctx.db, repair.target.id);
    const view = record
      ? presentRecord(
          record.definition as TopicDefinition,
          { id: record.id, category: record.category, department_name: record.department_name, decision_date: day(record.decision_date), publish_until: day(record.publish_until), data: record.data },
          'public',
        )
      : undefined;
    target = {
      kind: '信用记录',
      title: view ? (view.title === view.topicName ? view.title : `${view.topicName}：${view.title}`) : `信用记录 ${repair.target.id}`,
      documentNo: view?.documentNo ?? null,
      departmentName: record?.department_name ?? null,
      decisionDate: day(record?.decision_date ?? null),
    };
  } else {
    const entry = await repo.certificateEntry(ctx.db, repair.target.id);
    target = {
      kind: '名单条目',
      title: entry?.list_type_name ?? `名单条目 ${repair.target.id}`,
      documentNo: entry?.decision_no ?? null,
      departmentName: entry?.department_name ?? null,
      decisionDate: day(entry?.decision_date ?? null),
    };
  }
  const certificate = repair.certificate;
  const pdf = await renderRepairCertificate({
    number: certificate.number,
    subjectName: subject.name || certificate.subjectName,
    subjectCode,
    target,
    effect: certificate.effect,
    applicationId: repair.id,
    filedOn: chinaDate(new Date(repair.filedAt)),
    decidedOn: chinaDate(new Date(certificate.issuedAt)),
    reasons: repair.decisionReasons ?? '',
    issuer: certificate.issuer,
  });
  const safeName = (subject.name || certificate.subjectName).replace(/[\\/:*?"<>|\s]+/g, '_');
  return { fileName: `信用修复决定书-${safeName}-${certificate.number}.pdf`, asciiName: `repair-certificate-${certificate.number}.pdf`, pdf };
}
