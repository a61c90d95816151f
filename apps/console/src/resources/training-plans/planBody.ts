import type { MaterialView, PlanModuleView, PlanTargetView, TrainingPlanView } from '@cascade/contracts';

/** What the plan form holds; list items may lack fields the user has not filled in yet. */
export interface PlanFormValues {
  organizationId?: string;
  title?: string;
  goals?: string;
  assessmentMethod?: string;
  signInMethod?: string;
  defaultLocation?: string | null;
  trainerIds?: string[];
  modules?: Partial<PlanModuleView>[];
  targets?: Partial<PlanTargetView>[];
  reason?: string;
}

const text = (value: string | null | undefined) => (value ?? '').trim();

const materialBody = (material: Partial<MaterialView>) =>
  material.kind === 'file'
    ? { kind: 'file' as const, title: text(material.title), fileId: material.fileId }
    : { kind: 'link' as const, title: text(material.title), url: text(material.url) };

/** A module as the API accepts it: its `id` keeps the module's identity across edits. */
const moduleBody = (module: Partial<PlanModuleView>) => ({
  ...(module.id ? { id: module.id } : {}),
  businessProcess: text(module.businessProcess),
  title: text(module.title),
  outline: text(module.outline),
  durationMinutes: Number(module.durationMinutes),
  materials: (module.materials ?? []).map(materialBody),
});

const targetBody = (target: Partial<PlanTargetView>) => ({
  userId: target.userId,
  kind: target.kind,
  ...(text(target.businessProcess) ? { businessProcess: text(target.businessProcess) } : {}),
});

/** The fields a plan's create and PATCH bodies share (all but organizationId and reason). */
function editableFields(values: PlanFormValues) {
  return {
    title: text(values.title),
    goals: text(values.goals),
    assessmentMethod: text(values.assessmentMethod),
    signInMethod: values.signInMethod,
    defaultLocation: text(values.defaultLocation) || null,
    trainerIds: [...(values.trainerIds ?? [])],
    modules: (values.modules ?? []).map(moduleBody),
    targets: (values.targets ?? []).map(targetBody),
  };
}

export function planCreateBody(values: PlanFormValues) {
  const fields = editableFields(values);
  return {
    organizationId: values.organizationId,
    ...fields,
    defaultLocation: fields.defaultLocation ?? undefined,
  };
}

/**
 * Only the fields that differ from the stored plan, so an unchanged module list is not sent (each
 * PATCH of a confirmed plan becomes a revision). A confirmed-before plan also gets the reason.
 */
export function planPatchBody(values: PlanFormValues, previous: TrainingPlanView) {
  const next = editableFields(values);
  const before = editableFields(previous);
  const changes: Record<string, unknown> = {};
  for (const field of Object.keys(next) as (keyof typeof next)[]) {
    if (JSON.stringify(next[field]) !== JSON.stringify(before[field])) changes[field] = next[field];
  }
  if (Object.keys(changes).length > 0 && previous.confirmedAt !== null) changes.reason = text(values.reason);
  return changes;
}
