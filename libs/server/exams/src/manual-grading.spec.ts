import { defineAbilityFor, PolicyActor, policyRecord } from '@cascade/contracts';
import { visibleOrganizationIds } from '@cascade/server/core';
import { gradingScope } from './manual-grading.service';

const VENDOR = 'vendor';
const CLIENT_A = 'client-a';
const CLIENT_B = 'client-b';

function actor(fields: Partial<PolicyActor>): PolicyActor {
  return {
    userId: 'me',
    organizationId: CLIENT_A,
    organizationKind: 'client',
    roles: ['trainee'],
    assignedOrganizationIds: [],
    headedDepartmentIds: [],
    ledSessionIds: [],
    assistedSessionIds: [],
    enrolledSessionIds: [],
    qualifiedProcesses: [],
    bankAuthor: false,
    conflicts: { examIds: [], questionIds: [], cells: [] },
    ...fields,
  };
}

const actors: Record<string, PolicyActor> = {
  admin: actor({ organizationId: VENDOR, organizationKind: 'vendor', roles: ['admin'] }),
  'vendor trainer': actor({
    organizationId: VENDOR,
    organizationKind: 'vendor',
    roles: ['trainer'],
    assignedOrganizationIds: [CLIENT_A],
    conflicts: { examIds: ['exam-2'], questionIds: [], cells: [] },
  }),
  'internal trainer': actor({
    roles: ['trainee', 'trainer'],
    qualifiedProcesses: ['采购 / 下单'],
    ledSessionIds: ['session-1'],
  }),
  'internal trainer who sits an exam': actor({
    roles: ['trainee', 'trainer'],
    qualifiedProcesses: ['采购 / 下单'],
    assistedSessionIds: ['session-1', 'session-2'],
    conflicts: { examIds: ['exam-1'], questionIds: [], cells: [] },
  }),
  'candidate assisting a session': actor({ assistedSessionIds: ['session-1'] }),
};

/** What the pending list's query keeps, in the query's own terms. */
function listed(scope: ReturnType<typeof gradingScope>, visible: string[] | null, record: Attempt): boolean {
  return (
    (visible === null || visible.includes(record.organizationId)) &&
    !scope.conflictedExamIds.includes(record.examId) &&
    (scope.sessionIds === null || (record.sessionId !== null && scope.sessionIds.includes(record.sessionId))) &&
    record.userId !== scope.graderId
  );
}

interface Attempt {
  organizationId: string;
  sessionId: string | null;
  examId: string;
  userId: string;
}

const attempts: Attempt[] = [CLIENT_A, CLIENT_B, VENDOR].flatMap((organizationId) =>
  ['session-1', 'session-2', null].flatMap((sessionId) =>
    ['exam-1', 'exam-2'].map((examId) => ({ organizationId, sessionId, examId, userId: 'someone-else' })),
  ),
);

describe('the pending-grading scope', () => {
  it.each(Object.keys(actors))('lists for %s exactly what the policy lets them grade', (name) => {
    const reader = actors[name];
    const ability = defineAbilityFor(reader);
    const scope = gradingScope(reader);
    const visible = visibleOrganizationIds(reader);
    for (const attempt of attempts)
      expect({ attempt, listed: listed(scope, visible, attempt) }).toEqual({
        attempt,
        listed: ability.can('grade', policyRecord('Attempt', attempt)),
      });
  });

  it('never lists the reader’s own attempts, and everything for the system', () => {
    for (const reader of Object.values(actors))
      expect(listed(gradingScope(reader), null, { ...attempts[0], userId: reader.userId })).toBe(false);
    expect(gradingScope(null)).toEqual({ conflictedExamIds: [], sessionIds: null, graderId: null });
  });

  it('gives an internal trainer the sessions they lead or assist, and a candidate none', () => {
    expect(gradingScope(actors['internal trainer who sits an exam'])).toEqual({
      conflictedExamIds: ['exam-1'],
      sessionIds: ['session-1', 'session-2'],
      graderId: 'me',
    });
    expect(gradingScope(actors['candidate assisting a session']).sessionIds).toEqual([]);
  });
});
