import { SESSION_PROBLEMS, SessionProblemCode } from '@cascade/contracts';
import { DomainError } from '@cascade/server/core';
import {
  checkInLocked,
  enrolleeIsTrainer,
  ownAttendance,
  staffingForbidden,
  trainerIsEnrolled,
} from './sessions.errors';

describe('session refusals', () => {
  const made: [DomainError, SessionProblemCode][] = [
    [staffingForbidden(), 'STAFFING_FORBIDDEN'],
    [trainerIsEnrolled(['u1']), 'TRAINER_IS_ENROLLED'],
    [enrolleeIsTrainer('userIds', ['u1']), 'ENROLLEE_IS_TRAINER'],
    [ownAttendance(), 'OWN_ATTENDANCE'],
    [checkInLocked(new Date('2026-01-01T00:00:00Z')), 'CHECK_IN_LOCKED'],
  ];

  it.each(made)('answers %p with the catalogue’s code and status', (error, code) => {
    expect(error.code).toBe(code);
    expect(error.status).toBe(SESSION_PROBLEMS[code]);
  });

  it('names the field a staffing conflict is about, and who', () => {
    expect(trainerIsEnrolled(['u1', 'u2']).errors).toEqual([
      { field: 'trainers', message: 'enrolled in this session: u1, u2' },
    ]);
    expect(trainerIsEnrolled(['u1']).extensions).toEqual({ userIds: ['u1'] });
    expect(enrolleeIsTrainer('userIds', ['u3']).errors?.[0].field).toBe('userIds');
    expect(checkInLocked(new Date('2026-01-01T00:00:00Z')).extensions).toEqual({
      lockedAt: '2026-01-01T00:00:00.000Z',
    });
  });
});
