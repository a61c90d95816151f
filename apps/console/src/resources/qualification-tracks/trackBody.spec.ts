import { describe, expect, it } from '@jest/globals';
import type { QualificationTrackView } from '@cascade/contracts';
import { criterionBody, trackCreateBody, trackFormValues, trackPatchBody } from './trackBody';

const EXAM = '00000000-0000-4000-8000-000000000001';

describe('track form body', () => {
  it('keeps only the fields of each criterion kind', () => {
    const leftovers = {
      examId: EXAM,
      planIds: [EXAM],
      minPercent: '80',
      sessions: '3',
      minAverage: '4',
      minResponses: '5',
    };
    expect(criterionBody({ kind: 'exam', ...leftovers })).toEqual({ kind: 'exam', examId: EXAM, minPercent: 80 });
    expect(criterionBody({ kind: 'attendance', ...leftovers })).toEqual({
      kind: 'attendance',
      planIds: [EXAM],
      minPercent: 80,
    });
    expect(criterionBody({ kind: 'co_delivery', ...leftovers })).toEqual({ kind: 'co_delivery', sessions: 3 });
    expect(criterionBody({ kind: 'trainer_feedback', ...leftovers })).toEqual({
      kind: 'trainer_feedback',
      minAverage: 4,
      minResponses: 5,
    });
  });

  it('reads a teach-back checklist one item per line, and leaves it out when empty', () => {
    expect(criterionBody({ kind: 'teach_back', checklistText: ' 讲解流程 \n\n演示操作\n' })).toEqual({
      kind: 'teach_back',
      checklist: ['讲解流程', '演示操作'],
    });
    expect(criterionBody({ kind: 'teach_back', checklistText: '  ' })).toEqual({ kind: 'teach_back' });
  });

  it('sends renewal only when one way to renew is named', () => {
    const base = { organizationId: EXAM, title: ' 采购内训师 ', businessProcesses: ['采购'], criteria: [] };
    expect(trackCreateBody(base)).toMatchObject({ title: '采购内训师', renewal: null, validityMonths: null });
    expect(trackCreateBody({ ...base, renewalSessions: '2', renewalMinAverage: '4.2' }).renewal).toEqual({
      exam: null,
      sessionsLed: { sessions: 2, minAverage: 4.2 },
    });
  });

  it('round-trips a stored track through the form', () => {
    const track: QualificationTrackView = {
      id: 'track',
      organizationId: EXAM,
      title: '采购内训师',
      description: null,
      businessProcesses: ['采购/收货'],
      criteria: [
        { kind: 'exam', examId: EXAM, minPercent: 80 },
        { kind: 'teach_back', checklist: ['讲解', '演示'] },
      ],
      validityMonths: 12,
      renewal: { exam: { examId: EXAM, minPercent: 70 }, sessionsLed: null },
      active: true,
      createdBy: null,
      createdAt: '',
      updatedAt: '',
    };
    const body = trackPatchBody(trackFormValues(track));
    expect(body.criteria).toEqual(track.criteria);
    expect(body.renewal).toEqual(track.renewal);
    expect(body.validityMonths).toBe(12);
    expect(body).not.toHaveProperty('organizationId');
  });
});
