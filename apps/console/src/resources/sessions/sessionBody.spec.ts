import type { TrainingSessionView } from '@cascade/contracts';
import { describe, expect, it } from '@jest/globals';
import { sessionCreateBody, sessionFormValues, sessionPatchBody, validateSchedule } from './sessionBody';

const stored: TrainingSessionView = {
  id: 'session-1',
  organizationId: 'org-1',
  planId: 'plan-1',
  moduleId: 'module-1',
  title: 'Goods receipt',
  businessProcess: 'Purchasing',
  startsAt: '2025-06-10T01:00:00.000Z',
  endsAt: '2025-06-10T03:00:00.000Z',
  timeZone: 'Asia/Shanghai',
  location: 'Room 301',
  onlineUrl: null,
  capacity: 20,
  status: 'scheduled',
  cancelReason: null,
  checkInOpensAt: '2025-06-10T00:45:00.000Z',
  checkInClosesAt: '2025-06-10T01:30:00.000Z',
  trainers: [{ userId: 'trainer-1', role: 'lead' }],
  enrollments: [],
  leadQualification: null,
  needsNewLead: false,
  createdAt: '2025-06-01T00:00:00.000Z',
  updatedAt: '2025-06-01T00:00:00.000Z',
};

describe('session request bodies', () => {
  it('shows the stored times as wall-clock times of the session zone, with the window in minutes', () => {
    expect(sessionFormValues(stored)).toMatchObject({
      startsAt: '2025-06-10T09:00',
      endsAt: '2025-06-10T11:00',
      checkInOpensMinutesBefore: 15,
      checkInClosesMinutesAfter: 30,
    });
  });

  it('creates with times carrying the offset of the chosen zone', () => {
    const body = sessionCreateBody({ ...sessionFormValues(stored), capacity: '25' });
    expect(body).toMatchObject({
      planId: 'plan-1',
      startsAt: '2025-06-10T09:00:00+08:00',
      endsAt: '2025-06-10T11:00:00+08:00',
      timeZone: 'Asia/Shanghai',
      capacity: 25,
      trainers: [{ userId: 'trainer-1', role: 'lead' }],
    });
  });

  it('reschedules with only what changed', () => {
    expect(sessionPatchBody(sessionFormValues(stored), stored)).toEqual({});
    expect(
      sessionPatchBody({ ...sessionFormValues(stored), endsAt: '2025-06-10T12:00', location: '' }, stored),
    ).toEqual({
      endsAt: '2025-06-10T12:00:00+08:00',
      location: null,
    });
  });

  it('refuses an end before the start', () => {
    expect(validateSchedule({ ...sessionFormValues(stored), endsAt: '2025-06-10T08:00' })).toEqual({
      endsAt: 'cascade.sessions.ends_before_start',
    });
  });
});
