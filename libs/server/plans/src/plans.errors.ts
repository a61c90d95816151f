import { PlanStatus } from '@cascade/contracts';
import { ConflictError, UnprocessableError } from '@cascade/server/core';

export const transitionRefused = (action: string, current: PlanStatus) =>
  new ConflictError('PLAN_TRANSITION_INVALID', `Cannot ${action} a plan that is ${current}`, {
    currentStatus: current,
  });

export const notEditable = (current: PlanStatus) =>
  new ConflictError('PLAN_NOT_EDITABLE', `A plan that is ${current} cannot be edited`, { currentStatus: current });

export const reasonRequired = () =>
  new UnprocessableError('PLAN_REASON_REQUIRED', 'The plan was confirmed before: a change needs a reason', [
    { field: 'reason', message: 'is required for a change to a confirmed plan' },
  ]);

export const invalidPlanReference = (field: string, message: string) =>
  new UnprocessableError('REFERENCE_INVALID', `${field}: ${message}`, [{ field, message }]);
