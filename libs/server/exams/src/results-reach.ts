import { currentActor, may, NotFoundError, RequestContext } from '@cascade/server/core';
import { Exam } from './exam.entity';

/** Whose named results a reader of an exam may see: everyone's, or the people of some departments. */
export type ResultsReach = { all: true } | { all: false; departmentIds: ReadonlySet<string> };

/**
 * The exam's trainers (and admins, and vendor trainers serving the client) read every named
 * result; a manager of the client only those of the departments they head and the ones below
 * them, everything else in aggregate. Someone who still sits the exam reads none of it: that is
 * refused as not found, so results tell a candidate nothing.
 */
export function resultsReach(exam: Pick<Exam, 'id' | 'organizationId' | 'sessionId' | 'planId'>): ResultsReach {
  if (RequestContext.isSystem()) return { all: true };
  const actor = currentActor();
  const record = { id: exam.id, organizationId: exam.organizationId, sessionId: exam.sessionId, planId: exam.planId };
  if (may('readResults', 'Exam', record)) return { all: true };
  if (actor.conflicts.examIds.includes(exam.id)) throw new NotFoundError('Exam');
  const headed = actor.headedDepartmentIds.filter((departmentId) =>
    may('readResults', 'Exam', { ...record, departmentId }),
  );
  if (headed.length === 0) throw new NotFoundError('Exam');
  return { all: false, departmentIds: new Set(headed) };
}

export const reaches = (reach: ResultsReach, departmentId: string | null) =>
  reach.all || (departmentId !== null && reach.departmentIds.has(departmentId));
