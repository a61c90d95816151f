import { diffPlans, PlanSnapshot } from './plan-diff';

const base: PlanSnapshot = {
  title: '采购培训',
  goals: '掌握收货流程',
  assessmentMethod: '笔试',
  signInMethod: 'qr',
  defaultLocation: '会议室 A',
  trainerIds: ['t1', 't2'],
  modules: [
    { id: 'm1', businessProcess: '采购', title: '下单', outline: '', durationMinutes: 60, materials: [] },
    { id: 'm2', businessProcess: '采购', title: '收货', outline: '', durationMinutes: 90, materials: [] },
  ],
  targets: [{ userId: 'u1', kind: 'key_user', businessProcess: '采购' }],
};

describe('diffPlans', () => {
  it('finds nothing between identical plans, whatever the trainer order', () => {
    expect(diffPlans(base, { ...base, trainerIds: ['t2', 't1'] })).toEqual([]);
  });

  it('names each changed field with before and after', () => {
    const after: PlanSnapshot = {
      ...base,
      defaultLocation: '会议室 B',
      modules: [
        base.modules[0],
        { ...base.modules[1], durationMinutes: 120 },
        { id: 'm3', businessProcess: '仓储', title: '盘点', outline: '', durationMinutes: 45, materials: [] },
      ],
      targets: [],
    };
    expect(diffPlans(base, after)).toEqual([
      { field: 'defaultLocation', before: '会议室 A', after: '会议室 B' },
      { field: 'modules[收货].durationMinutes', before: 90, after: 120 },
      { field: 'modules[盘点]', before: null, after: after.modules[2] },
      { field: 'targets[u1]', before: base.targets[0], after: null },
    ]);
  });

  it('reports removed modules and a new order', () => {
    const after = { ...base, modules: [base.modules[1]] };
    expect(diffPlans(base, after)).toEqual([{ field: 'modules[下单]', before: base.modules[0], after: null }]);
    const reordered = { ...base, modules: [base.modules[1], base.modules[0]] };
    expect(diffPlans(base, reordered)).toEqual([
      { field: 'modules.order', before: ['下单', '收货'], after: ['收货', '下单'] },
    ]);
  });
});
