import {
  addMonths,
  evaluateQualification,
  QualificationFacts,
  QualificationState,
  TrackRules,
} from './qualification-evaluation';

const at = (s: string) => new Date(s);
const none: QualificationFacts = {
  attempts: [],
  participations: [],
  trainerSessions: [],
  trainerRatings: [],
  teachBacks: [],
};
const fresh: QualificationState = {
  status: 'candidate',
  evidenceSince: null,
  qualifiedAt: null,
  expiresAt: null,
  renewedAt: null,
};
const track: TrackRules = {
  id: 'track-1',
  validityMonths: 12,
  renewal: { exam: { examId: 'renew', minPercent: 80 }, sessionsLed: { sessions: 2, minAverage: 4 } },
  criteria: [
    { kind: 'exam', examId: 'cert', minPercent: 80 },
    { kind: 'attendance', planIds: ['plan'], minPercent: 75 },
    { kind: 'co_delivery', sessions: 2 },
    { kind: 'trainer_feedback', minAverage: 4, minResponses: 2 },
    { kind: 'teach_back' },
  ],
};
const session = (id: string, role: 'lead' | 'assistant', endsAt: string) => ({
  sessionId: id,
  title: id,
  role,
  endsAt: at(endsAt),
});
const rating = (sessionId: string, responseId: string, value: number, day: string) => ({
  sessionId,
  title: sessionId,
  responseId,
  countedOn: at(day),
  value,
});
const complete: QualificationFacts = {
  attempts: [
    { id: 'a1', examId: 'cert', examTitle: 'Cert', percent: 70, passed: true, finalizedAt: at('2026-01-05T10:00:00Z') },
    { id: 'a2', examId: 'cert', examTitle: 'Cert', percent: 85, passed: true, finalizedAt: at('2026-01-10T10:00:00Z') },
  ],
  participations: [1, 2, 3, 4].map((n) => ({
    sessionId: `p${n}`,
    planId: 'plan',
    title: `p${n}`,
    startsAt: at(`2026-01-0${n}T09:00:00Z`),
    attended: n !== 4,
    attendedAt: n !== 4 ? at(`2026-01-0${n}T09:01:00Z`) : null,
  })),
  trainerSessions: [
    session('s1', 'assistant', '2026-01-12T12:00:00Z'),
    session('s2', 'assistant', '2026-01-14T12:00:00Z'),
  ],
  trainerRatings: [
    rating('s1', 'r1', 5, '2026-01-12'),
    rating('s2', 'r2', 4, '2026-01-14'),
    rating('s2', 'r2', 4, '2026-01-14'),
  ],
  teachBacks: [{ id: 't1', trackId: 'track-1', passed: true, signedAt: at('2026-01-20T15:00:00Z') }],
};
const now = at('2026-02-01T00:00:00Z');

describe('evaluateQualification', () => {
  it('is a candidate with no records and in progress with some', () => {
    expect(evaluateQualification(track, none, fresh, now).status).toBe('candidate');
    const some = evaluateQualification(track, { ...none, attempts: complete.attempts.slice(0, 1) }, fresh, now);
    expect(some.status).toBe('in_progress');
    expect(some.progress[0]).toMatchObject({ kind: 'exam', met: false, current: 70, required: 80 });
  });

  it('qualifies when every criterion is met, at the moment the last one was, and shows the evidence', () => {
    const result = evaluateQualification(track, complete, fresh, now);
    expect(result.status).toBe('qualified');
    expect(result.qualifiedAt).toEqual(at('2026-01-20T15:00:00Z'));
    expect(result.expiresAt).toEqual(at('2027-01-20T15:00:00Z'));
    expect(result.progress.map((p) => [p.kind, p.met, p.current, p.required])).toEqual([
      ['exam', true, 85, 80],
      ['attendance', true, 75, 75],
      ['co_delivery', true, 2, 2],
      ['trainer_feedback', true, 4.33, 4],
      ['teach_back', true, 1, 1],
    ]);
    expect(result.progress[0].evidence).toEqual([
      { type: 'attempt', id: 'a2', label: 'Cert: 85%', at: '2026-01-10T10:00:00.000Z' },
    ]);
    expect(result.progress[3]).toMatchObject({ count: 2, requiredCount: 2 });
    expect(result.progress[3].evidence.map((e) => e.label)).toEqual(['s1: 5 (1)', 's2: 4 (1)']);
  });

  it('gives the same answer when evaluated again from its own result', () => {
    const first = evaluateQualification(track, complete, fresh, now);
    expect(evaluateQualification(track, complete, first, now)).toEqual(first);
  });

  it('counts sessions only once they have ended, and nothing before evidenceSince', () => {
    const early = evaluateQualification(track, complete, fresh, at('2026-01-13T00:00:00Z'));
    expect(early.progress[2]).toMatchObject({ met: false, current: 1 });
    const restarted = evaluateQualification(
      track,
      complete,
      { ...fresh, evidenceSince: at('2026-01-11T00:00:00Z') },
      now,
    );
    expect(restarted.status).toBe('in_progress');
    expect(restarted.progress[0].met).toBe(false);
  });

  it('expires at its expiry unless renewed, and a renewal extends it by the validity', () => {
    const qualified = evaluateQualification(track, complete, fresh, now);
    expect(evaluateQualification(track, complete, qualified, at('2027-01-21T00:00:00Z')).status).toBe('expired');
    const renewedByExam: QualificationFacts = {
      ...complete,
      attempts: [
        ...complete.attempts,
        {
          id: 'r1',
          examId: 'renew',
          examTitle: 'Renew',
          percent: 90,
          passed: true,
          finalizedAt: at('2026-12-01T00:00:00Z'),
        },
      ],
    };
    const renewed = evaluateQualification(track, renewedByExam, qualified, at('2027-01-21T00:00:00Z'));
    expect(renewed).toMatchObject({
      status: 'qualified',
      renewedAt: at('2026-12-01T00:00:00Z'),
      expiresAt: at('2028-01-20T15:00:00Z'),
    });
    expect(evaluateQualification(track, renewedByExam, renewed, at('2027-01-21T00:00:00Z'))).toEqual(renewed);
  });

  it('renews on enough well-rated sessions led within the period', () => {
    const qualified = evaluateQualification(track, complete, fresh, now);
    const led: QualificationFacts = {
      ...complete,
      trainerSessions: [
        ...complete.trainerSessions,
        session('l1', 'lead', '2026-06-01T12:00:00Z'),
        session('l2', 'lead', '2026-07-01T12:00:00Z'),
        session('l3', 'lead', '2026-08-01T12:00:00Z'),
      ],
      trainerRatings: [
        ...complete.trainerRatings,
        rating('l1', 'x1', 5, '2026-06-01'),
        rating('l2', 'x2', 3, '2026-07-01'),
        rating('l3', 'x3', 4, '2026-08-01'),
      ],
    };
    const result = evaluateQualification(track, led, qualified, at('2026-09-01T00:00:00Z'));
    expect(result.renewedAt).toEqual(at('2026-08-01T12:00:00Z'));
    expect(result.expiresAt).toEqual(at('2028-01-20T15:00:00Z'));
    expect(result.renewalProgress.find((p) => p.kind === 'sessions_led')).toMatchObject({ current: 0, required: 2 });
  });

  it('leaves expired and revoked qualifications as they are', () => {
    const revoked = { ...fresh, status: 'revoked' as const };
    expect(evaluateQualification(track, complete, revoked, now).status).toBe('revoked');
  });

  it('adds calendar months, keeping the end of a month', () => {
    expect(addMonths(at('2026-01-31T10:00:00Z'), 1)).toEqual(at('2026-02-28T10:00:00Z'));
    expect(addMonths(at('2026-05-15T00:00:00Z'), 12)).toEqual(at('2027-05-15T00:00:00Z'));
  });
});
