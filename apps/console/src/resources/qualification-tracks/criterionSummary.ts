import type { QualificationCriterion } from '@cascade/contracts';
import { useTranslate } from 'react-admin';

/** A criterion as one line: "certification exam at 80% or more". */
export function useCriterionSummary() {
  const translate = useTranslate();
  return (criterion: QualificationCriterion) => {
    switch (criterion.kind) {
      case 'exam':
        return translate('cascade.qualifications.summary.exam', { percent: criterion.minPercent });
      case 'attendance':
        return translate('cascade.qualifications.summary.attendance', {
          percent: criterion.minPercent,
          smart_count: criterion.planIds.length,
        });
      case 'co_delivery':
        return translate('cascade.qualifications.summary.co_delivery', { smart_count: criterion.sessions });
      case 'trainer_feedback':
        return translate('cascade.qualifications.summary.trainer_feedback', {
          average: criterion.minAverage,
          smart_count: criterion.minResponses,
        });
      case 'teach_back':
        return translate('cascade.qualifications.summary.teach_back', {
          smart_count: criterion.checklist?.length ?? 0,
        });
    }
  };
}
