import { DEMO_PASSWORD } from '@cascade/server/api';
import { QualificationsService } from '@cascade/server/qualifications';
import { startTestApi, TestApi } from '@cascade/server/testing';

interface Node {
  name: string;
  level: string;
  children: Node[];
}

/** The demo client's qualification board, certificates and cascade look like a real client's. */
describe('demo qualifications', () => {
  let api: TestApi;
  let trainer: string;
  let clientId: string;

  beforeAll(async () => {
    api = await startTestApi({ SEED_DEMO: 'true' });
    trainer = await api.login('li.ming@cascade.demo', DEMO_PASSWORD);
    [{ id: clientId }] = await api.dataSource.query(`SELECT id FROM organization WHERE kind = 'client'`);
  });
  afterAll(() => api?.close());

  const get = async (path: string, token = trainer) => {
    const response = await api.http().get(path).set('authorization', token);
    expect({ path, status: response.status }).toEqual({ path, status: 200 });
    return response.body;
  };

  const board = async () =>
    Object.fromEntries(
      (await get(`/api/qualifications?organizationId=${clientId}&perPage=100`)).data.map(
        (q: { userName: string; status: string }) => [q.userName, q],
      ),
    );

  it('has a qualified internal trainer, one in progress and one expired', async () => {
    const people = await board();
    expect(people['张伟']).toMatchObject({ status: 'qualified', trackTitle: '采购与仓储内部讲师' });
    expect(people['张伟'].progress.every((p: { met: boolean }) => p.met)).toBe(true);
    expect(new Date(people['张伟'].qualifiedAt).getTime()).toBeLessThan(Date.now());
    expect(new Date(people['张伟'].expiresAt).getTime()).toBeGreaterThan(Date.now());

    expect(people['刘洋']).toMatchObject({ status: 'in_progress', trackTitle: '采购与仓储内部讲师' });
    const unmet = people['刘洋'].progress.filter((p: { met: boolean }) => !p.met);
    expect(unmet.map((p: { kind: string }) => p.kind)).toEqual(['teach_back']);

    expect(people['孙丽'].status).toBe('expired');
    expect(new Date(people['孙丽'].expiresAt).getTime()).toBeLessThan(Date.now());
  });

  it('has 张伟’s certificate in force and 孙丽’s expired one, each verifying', async () => {
    const certificates = (await get(`/api/certificates?perPage=100`)).data.filter(
      (c: { kind: string }) => c.kind === 'qualification',
    );
    const zhang = certificates.find((c: { holderName: string }) => c.holderName === '张伟');
    const sun = certificates.find((c: { holderName: string }) => c.holderName === '孙丽');
    expect(zhang).toMatchObject({ status: 'valid', title: '采购与仓储内部讲师' });
    expect(sun).toMatchObject({ status: 'expired' });
    expect((await api.http().get(`/api/verify/${zhang.code}`)).body.status).toBe('valid');
    expect((await api.http().get(`/api/verify/${sun.code}`)).body.status).toBe('expired');
  });

  it('shows the lineage from the vendor through 张伟 to the colleagues he trained', async () => {
    const lineage = await get(`/api/cascade/lineage?organizationId=${clientId}`);
    const find = (nodes: Node[], name: string): Node | undefined =>
      nodes.map((n) => (n.name === name ? n : find(n.children, name))).find(Boolean);
    const vendor = lineage.roots.find((r: Node) => r.name === '李明');
    expect(vendor.level).toBe('vendor');
    const zhang = find(vendor.children, '张伟')!;
    expect(zhang.level).toBe('internal_trainer');
    expect(zhang.children.map((c) => c.name).sort()).toEqual(['何军', '林娜', '高峰'].sort());
    expect(zhang.children.every((c) => c.level === 'end_user')).toBe(true);
    expect(lineage.counts.internal_trainer).toBeGreaterThanOrEqual(1);
  });

  it('lists 张伟 as a qualified trainer in the coverage, with training by internal trainers', async () => {
    const coverage = await get(`/api/cascade/coverage?organizationId=${clientId}`);
    const purchasing = coverage.processes.find(
      (p: { businessProcess: string }) => p.businessProcess === '采购 / 请购与下单',
    );
    expect(purchasing.qualifiedTrainers.map((t: { name: string }) => t.name)).toEqual(['张伟']);
    expect(purchasing.trainedByInternal).toBe(3);
    expect(coverage.months.some((m: { ledByInternal: number }) => m.ledByInternal > 0)).toBe(true);
  });

  it('stays the same when evaluated again', async () => {
    const before = await board();
    await api.app.get(QualificationsService).sweep();
    const after = await board();
    for (const name of ['张伟', '刘洋', '孙丽']) {
      expect(after[name].status).toBe(before[name].status);
      expect(after[name].qualifiedAt).toBe(before[name].qualifiedAt);
      expect(after[name].updatedAt).toBe(before[name].updatedAt);
    }
  });
});
