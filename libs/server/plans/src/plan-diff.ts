import { FieldChange } from '@cascade/contracts';

export interface PlanSnapshot {
  title: string;
  goals: string;
  assessmentMethod: string;
  signInMethod: string;
  defaultLocation: string | null;
  trainerIds: string[];
  modules: {
    id: string;
    businessProcess: string;
    title: string;
    outline: string;
    durationMinutes: number;
    materials: unknown[];
  }[];
  targets: { userId: string; kind: string; businessProcess: string | null }[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Field-level changes between two versions of a plan. List items are matched by identity
 * (module id, target user), so a renamed module reads as one change, not a removal and an addition.
 */
export function diffPlans(before: PlanSnapshot, after: PlanSnapshot): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of ['title', 'goals', 'assessmentMethod', 'signInMethod', 'defaultLocation'] as const) {
    if (!same(before[field], after[field])) changes.push({ field, before: before[field], after: after[field] });
  }
  const sortedBefore = [...before.trainerIds].sort();
  const sortedAfter = [...after.trainerIds].sort();
  if (!same(sortedBefore, sortedAfter)) changes.push({ field: 'trainerIds', before: sortedBefore, after: sortedAfter });

  const oldModules = new Map(before.modules.map((m) => [m.id, m]));
  const newModules = new Map(after.modules.map((m) => [m.id, m]));
  for (const [id, module] of oldModules) {
    const next = newModules.get(id);
    if (!next) {
      changes.push({ field: `modules[${module.title}]`, before: module, after: null });
      continue;
    }
    for (const key of ['businessProcess', 'title', 'outline', 'durationMinutes', 'materials'] as const) {
      if (!same(module[key], next[key]))
        changes.push({ field: `modules[${module.title}].${key}`, before: module[key], after: next[key] });
    }
  }
  for (const [id, module] of newModules) {
    if (!oldModules.has(id)) changes.push({ field: `modules[${module.title}]`, before: null, after: module });
  }
  const oldOrder = before.modules.filter((m) => newModules.has(m.id)).map((m) => m.id);
  const newOrder = after.modules.filter((m) => oldModules.has(m.id)).map((m) => m.id);
  if (!same(oldOrder, newOrder)) {
    changes.push({
      field: 'modules.order',
      before: before.modules.map((m) => m.title),
      after: after.modules.map((m) => m.title),
    });
  }

  const oldTargets = new Map(before.targets.map((t) => [t.userId, t]));
  const newTargets = new Map(after.targets.map((t) => [t.userId, t]));
  for (const [userId, target] of oldTargets) {
    const next = newTargets.get(userId);
    if (!next) changes.push({ field: `targets[${userId}]`, before: target, after: null });
    else if (!same(target, next)) changes.push({ field: `targets[${userId}]`, before: target, after: next });
  }
  for (const [userId, target] of newTargets) {
    if (!oldTargets.has(userId)) changes.push({ field: `targets[${userId}]`, before: null, after: target });
  }
  return changes;
}
