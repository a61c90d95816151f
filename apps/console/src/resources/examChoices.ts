import {
  ATTEMPT_STATUSES,
  EXAM_KINDS,
  QUESTION_STATUSES,
  QUESTION_TYPES,
  RESULT_VISIBILITIES,
} from '@cascade/contracts';
import type { ChipColor } from './EnumChip';

// Choice names are translation keys; react-admin inputs and fields translate them.
export const questionTypeChoices = QUESTION_TYPES.map((id) => ({ id, name: `cascade.question_type.${id}` }));
export const questionStatusChoices = QUESTION_STATUSES.map((id) => ({ id, name: `cascade.question_status.${id}` }));
export const difficultyChoices = [1, 2, 3, 4, 5].map((id) => ({ id, name: `cascade.difficulty.${id}` }));
export const examKindChoices = EXAM_KINDS.map((id) => ({ id, name: `cascade.exam_kind.${id}` }));
export const resultVisibilityChoices = RESULT_VISIBILITIES.map((id) => ({
  id,
  name: `cascade.result_visibility.${id}`,
}));
export const attemptStatusChoices = ATTEMPT_STATUSES.map((id) => ({ id, name: `cascade.attempt_status.${id}` }));

export const QUESTION_STATUS_COLORS: Record<string, ChipColor> = {
  draft: 'default',
  active: 'success',
  retired: 'warning',
};
export const ATTEMPT_STATUS_COLORS: Record<string, ChipColor> = {
  in_progress: 'info',
  submitted: 'default',
  graded: 'default',
  needs_review: 'warning',
  finalized: 'success',
};
