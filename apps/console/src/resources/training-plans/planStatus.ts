import type { PlanStatus } from '@cascade/contracts';
import type { ChipColor } from '../EnumChip';

export const PLAN_STATUS_COLORS: Record<PlanStatus, ChipColor> = {
  draft: 'default',
  pending_confirmation: 'warning',
  confirmed: 'info',
  in_progress: 'primary',
  completed: 'success',
  cancelled: 'error',
};

/** Completed and cancelled plans are history: the API answers 409 to any change. */
export const isClosedPlan = (status: PlanStatus | undefined) => status === 'completed' || status === 'cancelled';
