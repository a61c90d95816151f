import type { CriterionKind, QualificationCriterion, QualificationTrackView } from '@cascade/contracts';

/** One criterion as the form holds it: every kind's fields side by side, the checklist one item per line. */
export interface CriterionFormValues {
  kind?: CriterionKind;
  examId?: string | null;
  planIds?: string[] | null;
  minPercent?: number | string | null;
  sessions?: number | string | null;
  minAverage?: number | string | null;
  minResponses?: number | string | null;
  checklistText?: string | null;
}

export interface TrackFormValues {
  organizationId?: string;
  title?: string;
  description?: string | null;
  businessProcesses?: string[];
  criteria?: CriterionFormValues[];
  validityMonths?: number | string | null;
  renewalExamId?: string | null;
  renewalExamMinPercent?: number | string | null;
  renewalSessions?: number | string | null;
  renewalMinAverage?: number | string | null;
  active?: boolean;
}

const blank = (value: unknown) => value === undefined || value === null || value === '';
const num = (value: unknown) => (blank(value) ? undefined : Number(value));

/** A stored track as form values. */
export function trackFormValues(track: QualificationTrackView): QualificationTrackView & TrackFormValues {
  return {
    ...track,
    criteria: track.criteria.map((criterion) =>
      criterion.kind === 'teach_back'
        ? { kind: 'teach_back', checklistText: (criterion.checklist ?? []).join('\n') }
        : { ...criterion },
    ),
    renewalExamId: track.renewal?.exam?.examId ?? null,
    renewalExamMinPercent: track.renewal?.exam?.minPercent ?? null,
    renewalSessions: track.renewal?.sessionsLed?.sessions ?? null,
    renewalMinAverage: track.renewal?.sessionsLed?.minAverage ?? null,
  };
}

/** Only the fields the criterion's kind uses: the API rejects the others. */
export function criterionBody(values: CriterionFormValues): QualificationCriterion {
  switch (values.kind) {
    case 'exam':
      return { kind: 'exam', examId: values.examId ?? '', minPercent: num(values.minPercent) ?? 0 };
    case 'attendance':
      return { kind: 'attendance', planIds: values.planIds ?? [], minPercent: num(values.minPercent) ?? 0 };
    case 'co_delivery':
      return { kind: 'co_delivery', sessions: num(values.sessions) ?? 1 };
    case 'trainer_feedback':
      return {
        kind: 'trainer_feedback',
        minAverage: num(values.minAverage) ?? 1,
        minResponses: num(values.minResponses) ?? 1,
      };
    default: {
      const checklist = (values.checklistText ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      return checklist.length ? { kind: 'teach_back', checklist } : { kind: 'teach_back' };
    }
  }
}

function renewal(values: TrackFormValues) {
  const exam = values.renewalExamId
    ? { examId: values.renewalExamId, minPercent: num(values.renewalExamMinPercent) ?? 0 }
    : null;
  const sessionsLed = !blank(values.renewalSessions)
    ? { sessions: Number(values.renewalSessions), minAverage: num(values.renewalMinAverage) ?? 1 }
    : null;
  return exam || sessionsLed ? { exam, sessionsLed } : null;
}

function editable(values: TrackFormValues) {
  return {
    title: (values.title ?? '').trim(),
    description: (values.description ?? '').trim() || undefined,
    businessProcesses: (values.businessProcesses ?? []).map((process) => process.trim()).filter(Boolean),
    criteria: (values.criteria ?? []).map(criterionBody),
    validityMonths: num(values.validityMonths) ?? null,
    renewal: renewal(values),
    active: values.active ?? true,
  };
}

export const trackCreateBody = (values: TrackFormValues) => ({
  organizationId: values.organizationId,
  ...editable(values),
});

/** A PATCH names every editable field: the criteria and renewal are replaced as a whole. */
export const trackPatchBody = (values: TrackFormValues) => editable(values);
