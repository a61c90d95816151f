import {
  CriterionProgress,
  Evidence,
  QualificationCriterion,
  QualificationRenewal,
  QualificationStatus,
  RenewalProgress,
} from '@cascade/contracts';

/** Everything about one person that a track can ask for, as loaded from the records. */
export interface QualificationFacts {
  /** Finalized attempts. */
  attempts: { id: string; examId: string; examTitle: string; percent: number; passed: boolean; finalizedAt: Date }[];
  /** Sessions (not cancelled) the person was enrolled in or attended. */
  participations: {
    sessionId: string;
    planId: string;
    title: string;
    startsAt: Date;
    attended: boolean;
    attendedAt: Date | null;
  }[];
  /** Sessions (not cancelled) the person was a trainer of. */
  trainerSessions: { sessionId: string; title: string; role: 'lead' | 'assistant'; endsAt: Date }[];
  /**
   * Each counted Likert answer about the person as trainer, dated by the day it entered the
   * aggregates (an anonymous one's batch closing), so evidence changes only a batch at a time.
   */
  trainerRatings: { sessionId: string; title: string; responseId: string; countedOn: Date; value: number }[];
  /** Signed teach-backs of the person as candidate. */
  teachBacks: { id: string; trackId: string; passed: boolean; signedAt: Date }[];
}

export interface TrackRules {
  id: string;
  criteria: QualificationCriterion[];
  validityMonths: number | null;
  renewal: QualificationRenewal | null;
}

export interface QualificationState {
  status: QualificationStatus;
  evidenceSince: Date | null;
  qualifiedAt: Date | null;
  expiresAt: Date | null;
  renewedAt: Date | null;
}

export interface Evaluation extends QualificationState {
  progress: CriterionProgress[];
  renewalProgress: RenewalProgress[];
}

/**
 * The status a person's records give on a track, at `now`. Pure: the same records, state and
 * time always give the same answer, so evaluating again changes nothing. Qualification is
 * reached at the moment the last criterion was met (not when someone happened to evaluate),
 * and once reached it is kept until it expires or is revoked.
 */
export function evaluateQualification(
  track: TrackRules,
  allFacts: QualificationFacts,
  state: QualificationState,
  now: Date,
): Evaluation {
  const facts = since(allFacts, state.evidenceSince, now);
  const progress = track.criteria.map((criterion, index) => progressOf(criterion, index, facts, track.id));
  if (state.status === 'expired' || state.status === 'revoked') return { ...state, progress, renewalProgress: [] };

  let { qualifiedAt, expiresAt, renewedAt } = state;
  let status: QualificationStatus = state.status;
  const allMet = progress.length > 0 && progress.every((p) => p.met);
  if (status !== 'qualified') {
    if (allMet) {
      status = 'qualified';
      qualifiedAt = new Date(Math.max(...progress.map((p) => Date.parse(p.metAt!))));
      expiresAt = track.validityMonths ? addMonths(qualifiedAt, track.validityMonths) : null;
      renewedAt = null;
    } else {
      status = progress.some((p) => p.met || p.evidence.length > 0) ? 'in_progress' : 'candidate';
    }
  }

  let renewalProgress: RenewalProgress[] = [];
  if (status === 'qualified' && expiresAt && track.validityMonths && track.renewal) {
    for (;;) {
      const periodStart = renewedAt ?? qualifiedAt!;
      const renewal = renewalIn(track.renewal, facts, periodStart, expiresAt);
      renewalProgress = renewal.progress;
      if (!renewal.at) break;
      renewedAt = renewal.at;
      expiresAt = addMonths(expiresAt, track.validityMonths);
    }
  }
  if (status === 'qualified' && expiresAt && expiresAt <= now) status = 'expired';
  return { status, evidenceSince: state.evidenceSince, qualifiedAt, expiresAt, renewedAt, progress, renewalProgress };
}

/** Calendar months in UTC; the 31st of a shorter month becomes its last day. */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/** Only records from `evidenceSince` on, and nothing from the future. */
function since(facts: QualificationFacts, from: Date | null, now: Date): QualificationFacts {
  const inRange = (at: Date) => (!from || at >= from) && at <= now;
  return {
    attempts: facts.attempts.filter((a) => inRange(a.finalizedAt)),
    participations: facts.participations.filter((p) => !from || p.startsAt >= from),
    // A session counts as delivered once it has ended.
    trainerSessions: facts.trainerSessions.filter((s) => inRange(s.endsAt)),
    trainerRatings: facts.trainerRatings.filter((r) => !from || r.countedOn >= startOfDay(from)),
    teachBacks: facts.teachBacks.filter((t) => inRange(t.signedAt)),
  };
}

const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
const iso = (d: Date) => d.toISOString();
const round2 = (n: number) => Math.round(n * 100) / 100;
const byTime =
  <T>(at: (x: T) => Date) =>
  (a: T, b: T) =>
    at(a).getTime() - at(b).getTime();

function progressOf(
  criterion: QualificationCriterion,
  index: number,
  facts: QualificationFacts,
  trackId: string,
): CriterionProgress {
  switch (criterion.kind) {
    case 'exam': {
      const attempts = facts.attempts.filter((a) => a.examId === criterion.examId).sort(byTime((a) => a.finalizedAt));
      const meeting = attempts.find((a) => a.passed && a.percent >= criterion.minPercent);
      const best = attempts.reduce<(typeof attempts)[number] | null>(
        (top, a) => (!top || a.percent > top.percent ? a : top),
        null,
      );
      const shown = meeting ?? best;
      return {
        kind: 'exam',
        index,
        met: !!meeting,
        current: best?.percent ?? 0,
        required: criterion.minPercent,
        metAt: meeting ? iso(meeting.finalizedAt) : null,
        evidence: shown
          ? [
              {
                type: 'attempt',
                id: shown.id,
                label: `${shown.examTitle}: ${shown.percent}%`,
                at: iso(shown.finalizedAt),
              },
            ]
          : [],
      };
    }
    case 'attendance': {
      const relevant = facts.participations.filter((p) => criterion.planIds.includes(p.planId));
      const attended = relevant.filter((p) => p.attended).sort(byTime((p) => p.attendedAt ?? p.startsAt));
      const percent = relevant.length ? round2((attended.length / relevant.length) * 100) : 0;
      const met = relevant.length > 0 && percent >= criterion.minPercent;
      const last = attended[attended.length - 1];
      return {
        kind: 'attendance',
        index,
        met,
        current: percent,
        required: criterion.minPercent,
        metAt: met ? iso(last ? (last.attendedAt ?? last.startsAt) : relevant[0].startsAt) : null,
        evidence: attended.map((p) => ({
          type: 'attendance',
          id: p.sessionId,
          label: p.title,
          at: iso(p.attendedAt ?? p.startsAt),
        })),
      };
    }
    case 'co_delivery': {
      const sessions = facts.trainerSessions.filter((s) => s.role === 'assistant').sort(byTime((s) => s.endsAt));
      const met = sessions.length >= criterion.sessions;
      return {
        kind: 'co_delivery',
        index,
        met,
        current: sessions.length,
        required: criterion.sessions,
        metAt: met ? iso(sessions[criterion.sessions - 1].endsAt) : null,
        evidence: sessions.map((s) => ({ type: 'session', id: s.sessionId, label: s.title, at: iso(s.endsAt) })),
      };
    }
    case 'trainer_feedback': {
      const ratings = facts.trainerRatings;
      const responses = new Set(ratings.map((r) => r.responseId)).size;
      const average = ratings.length ? round2(ratings.reduce((sum, r) => sum + r.value, 0) / ratings.length) : 0;
      const met = responses >= criterion.minResponses && average >= criterion.minAverage;
      const latest = ratings.reduce<Date | null>((at, r) => (!at || r.countedOn > at ? r.countedOn : at), null);
      return {
        kind: 'trainer_feedback',
        index,
        met,
        current: average,
        required: criterion.minAverage,
        count: responses,
        requiredCount: criterion.minResponses,
        metAt: met && latest ? iso(latest) : null,
        evidence: perSession(ratings),
      };
    }
    case 'teach_back': {
      const passed = facts.teachBacks.filter((t) => t.trackId === trackId && t.passed).sort(byTime((t) => t.signedAt));
      return {
        kind: 'teach_back',
        index,
        met: passed.length > 0,
        current: passed.length > 0 ? 1 : 0,
        required: 1,
        metAt: passed.length ? iso(passed[0].signedAt) : null,
        evidence: passed.map((t) => ({ type: 'teach_back', id: t.id, label: 'passed', at: iso(t.signedAt) })),
      };
    }
  }
}

/** Ratings are shown per session (mean and responses), never per respondent. */
function perSession(ratings: QualificationFacts['trainerRatings']): Evidence[] {
  const sessions = new Map<string, { title: string; values: number[]; responses: Set<string>; at: Date }>();
  for (const r of ratings) {
    const s = sessions.get(r.sessionId) ?? { title: r.title, values: [], responses: new Set(), at: r.countedOn };
    s.values.push(r.value);
    s.responses.add(r.responseId);
    if (r.countedOn > s.at) s.at = r.countedOn;
    sessions.set(r.sessionId, s);
  }
  return [...sessions.entries()]
    .map(([id, s]) => ({
      type: 'feedback' as const,
      id,
      label: `${s.title}: ${round2(s.values.reduce((a, b) => a + b, 0) / s.values.length)} (${s.responses.size})`,
      at: iso(s.at),
    }))
    .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

/** Mean trainer rating per session. */
function sessionAverages(facts: QualificationFacts): Map<string, number> {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const r of facts.trainerRatings) {
    const s = sums.get(r.sessionId) ?? { sum: 0, n: 0 };
    s.sum += r.value;
    s.n += 1;
    sums.set(r.sessionId, s);
  }
  return new Map([...sums].map(([id, s]) => [id, s.sum / s.n]));
}

/** The earliest moment in (periodStart, expiresAt] when a renewal rule was met, if any. */
function renewalIn(
  renewal: QualificationRenewal,
  facts: QualificationFacts,
  periodStart: Date,
  expiresAt: Date,
): { at: Date | null; progress: RenewalProgress[] } {
  const inPeriod = (at: Date) => at > periodStart && at <= expiresAt;
  const progress: RenewalProgress[] = [];
  const candidates: Date[] = [];
  if (renewal.exam) {
    const rule = renewal.exam;
    const attempts = facts.attempts
      .filter((a) => a.examId === rule.examId && inPeriod(a.finalizedAt))
      .sort(byTime((a) => a.finalizedAt));
    const meeting = attempts.find((a) => a.passed && a.percent >= rule.minPercent);
    if (meeting) candidates.push(meeting.finalizedAt);
    progress.push({
      kind: 'exam',
      current: attempts.reduce((best, a) => Math.max(best, a.percent), 0),
      required: rule.minPercent,
      evidence: attempts.map((a) => ({
        type: 'attempt',
        id: a.id,
        label: `${a.examTitle}: ${a.percent}%`,
        at: iso(a.finalizedAt),
      })),
    });
  }
  if (renewal.sessionsLed) {
    const rule = renewal.sessionsLed;
    const averages = sessionAverages(facts);
    const led = facts.trainerSessions
      .filter((s) => s.role === 'lead' && inPeriod(s.endsAt) && (averages.get(s.sessionId) ?? 0) >= rule.minAverage)
      .sort(byTime((s) => s.endsAt));
    if (led.length >= rule.sessions) candidates.push(led[rule.sessions - 1].endsAt);
    progress.push({
      kind: 'sessions_led',
      current: led.length,
      required: rule.sessions,
      evidence: led.map((s) => ({
        type: 'session',
        id: s.sessionId,
        label: `${s.title}: ${round2(averages.get(s.sessionId)!)}`,
        at: iso(s.endsAt),
      })),
    });
  }
  const at = candidates.length ? new Date(Math.min(...candidates.map((d) => d.getTime()))) : null;
  return { at, progress };
}
