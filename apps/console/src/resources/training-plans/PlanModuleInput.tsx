import type { TrainingPlanView } from '@cascade/contracts';
import { SelectInput, required as requiredValidator, useGetOne, useTranslate } from 'react-admin';

/** One module of the chosen plan, shown as "business process · title (duration)". */
interface PlanModuleInputProps {
  planId?: string | null;
  required?: boolean;
  /** Mention the plan's default location below (when scheduling a session). */
  locationHint?: boolean;
}

export const PlanModuleInput = ({ planId, required = false, locationHint = false }: PlanModuleInputProps) => {
  const translate = useTranslate();
  const { data: plan, isPending } = useGetOne<TrainingPlanView>(
    'training-plans',
    { id: planId ?? '' },
    { enabled: Boolean(planId) },
  );
  const choices = (plan?.modules ?? [])
    .slice()
    .sort((a, b) => a.position - b.position)
    .map((module) => ({
      id: module.id,
      name: `${module.businessProcess} · ${module.title} (${module.durationMinutes} ${translate('cascade.plans.minutes')})`,
    }));
  return (
    <SelectInput
      source="moduleId"
      label="cascade.plans.module.label"
      choices={choices}
      validate={required ? requiredValidator() : undefined}
      emptyText={required ? undefined : '—'}
      disabled={!planId}
      isPending={Boolean(planId) && isPending}
      helperText={
        locationHint && plan?.defaultLocation
          ? translate('cascade.sessions.plan_location', { location: plan.defaultLocation })
          : false
      }
    />
  );
};
