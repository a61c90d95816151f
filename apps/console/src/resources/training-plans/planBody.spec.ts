import type { TrainingPlanView } from '@cascade/contracts';
import { describe, expect, it } from '@jest/globals';
import { planCreateBody, planPatchBody } from './planBody';

const stored: TrainingPlanView = {
  id: 'plan-1',
  organizationId: 'org-1',
  title: 'ERP rollout',
  goals: 'Key users run purchasing alone',
  assessmentMethod: 'Post-test',
  signInMethod: 'qr',
  defaultLocation: 'Room 301',
  status: 'confirmed',
  trainerIds: ['trainer-1'],
  modules: [
    {
      id: 'module-1',
      businessProcess: 'Purchasing',
      title: 'Goods receipt',
      outline: 'Receive, inspect, post',
      durationMinutes: 90,
      materials: [{ kind: 'link', title: 'Manual', url: 'https://example.test/manual' }],
      position: 0,
    },
  ],
  targets: [{ userId: 'user-1', kind: 'key_user', businessProcess: null }],
  revision: 1,
  createdBy: 'trainer-1',
  submittedAt: '2025-06-01T00:00:00.000Z',
  confirmedAt: '2025-06-02T00:00:00.000Z',
  confirmedBy: 'manager-1',
  returnComment: null,
  cancelReason: null,
  createdAt: '2025-06-01T00:00:00.000Z',
  updatedAt: '2025-06-02T00:00:00.000Z',
};

describe('plan request bodies', () => {
  it('creates without server-owned fields and without blank optional ones', () => {
    const body = planCreateBody({ ...stored, defaultLocation: ' ', modules: [], targets: [] });
    expect(body).toEqual({
      organizationId: 'org-1',
      title: 'ERP rollout',
      goals: 'Key users run purchasing alone',
      assessmentMethod: 'Post-test',
      signInMethod: 'qr',
      defaultLocation: undefined,
      trainerIds: ['trainer-1'],
      modules: [],
      targets: [],
    });
  });

  it('sends nothing when nothing changed, even with a reason typed', () => {
    expect(planPatchBody({ ...stored, reason: 'no change' }, stored)).toEqual({});
  });

  it('sends the whole module list, keeping module ids, and the reason of a confirmed plan', () => {
    const modules = [
      { ...stored.modules[0], durationMinutes: 120 },
      { businessProcess: 'Sales', title: 'Quotes', durationMinutes: 60 },
    ];
    expect(planPatchBody({ ...stored, modules, reason: 'Longer practice' }, stored)).toEqual({
      modules: [
        {
          id: 'module-1',
          businessProcess: 'Purchasing',
          title: 'Goods receipt',
          outline: 'Receive, inspect, post',
          durationMinutes: 120,
          materials: [{ kind: 'link', title: 'Manual', url: 'https://example.test/manual' }],
        },
        { businessProcess: 'Sales', title: 'Quotes', outline: '', durationMinutes: 60, materials: [] },
      ],
      reason: 'Longer practice',
    });
  });

  it('asks no reason of a plan never confirmed', () => {
    const draft = { ...stored, status: 'draft' as const, confirmedAt: null };
    expect(planPatchBody({ ...draft, title: 'ERP rollout, phase 1' }, draft)).toEqual({
      title: 'ERP rollout, phase 1',
    });
  });
});
