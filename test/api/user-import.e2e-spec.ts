import { createWorld, startTestApi, TestApi, World } from '@cascade/server/testing';
import ExcelJS from 'exceljs';

async function xlsx(rows: (string | boolean)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('用户');
  rows.forEach((row) => sheet.addRow(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('user import', () => {
  let api: TestApi;
  let world: World;
  let admin: string;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    admin = await api.login(world.admin.email);
  });
  afterAll(() => api?.close());

  const upload = (file: Buffer, filename: string, organizationId = world.clientA.id) =>
    api
      .http()
      .post('/api/users/import')
      .set('authorization', admin)
      .field('organizationId', organizationId)
      .attach('file', file, filename);

  const countUsers = async () => Number((await api.dataSource.query('SELECT count(*) FROM app_user'))[0].count);

  it('imports an XLSX with Chinese headers', async () => {
    const file = await xlsx([
      ['姓名', '邮箱', '部门', '角色', '关键用户', '态度', '语言'],
      ['钱进', 'qian.jin@example.test', '采购部', '学员', '是', '支持', 'zh-CN'],
      ['孔亮', 'kong.liang@example.test', '', '学员、经理', '否', '观望', 'en'],
    ]);
    const response = await upload(file, 'users.xlsx');
    expect(response.status).toBe(201);
    expect(response.body.created).toBe(2);
    const [qian, kong] = response.body.users;
    expect(qian).toMatchObject({
      name: '钱进',
      departmentId: world.departmentA.id,
      roles: ['trainee'],
      isKeyUser: true,
      attitude: 'supportive',
    });
    expect(kong).toMatchObject({
      roles: ['trainee', 'manager'],
      isKeyUser: false,
      attitude: 'wait_and_see',
      locale: 'en',
    });
  });

  it('imports a CSV with English headers and a BOM', async () => {
    const csv =
      '\uFEFFname,email,department,roles,keyUser,attitude\n' +
      '"Lin, Tao",lin.tao@example.test,采购部,trainee,yes,resistant\n';
    const response = await upload(Buffer.from(csv, 'utf8'), 'users.csv');
    expect(response.status).toBe(201);
    expect(response.body.users[0]).toMatchObject({ name: 'Lin, Tao', attitude: 'resistant', isKeyUser: true });
  });

  it('imports nothing when any row is bad, listing every bad row with its reason', async () => {
    const before = await countUsers();
    const csv = [
      'name,email,department,roles,keyUser',
      'Good One,good.one@example.test,采购部,trainee,no',
      'No Email,,采购部,trainee,no',
      'Bad Dept,bad.dept@example.test,不存在的部门,trainee,no',
      'Bad Role,bad.role@example.test,,wizard,no',
      `Taken,${world.traineeA.email},,trainee,no`,
      'Twice,good.one@example.test,,trainee,no',
      'Bad Flag,bad.flag@example.test,,trainee,perhaps',
    ].join('\n');
    const response = await upload(Buffer.from(csv), 'users.csv');
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('IMPORT_INVALID');
    const rows = response.body.rows as { row: number; field: string; message: string }[];
    expect(rows.map((r) => [r.row, r.field])).toEqual([
      [3, 'email'],
      [4, 'department'],
      [5, 'roles'],
      [6, 'email'],
      [7, 'email'],
      [8, 'keyUser'],
    ]);
    expect(rows.find((r) => r.row === 7)?.message).toContain('row 2');
    expect(await countUsers()).toBe(before);
  });

  it('names a cell holding a control character as a row error and imports nothing', async () => {
    const before = await countUsers();
    const csv = [
      'name,email,department,roles,keyUser',
      'Clean Row,clean.row@example.test,采购部,trainee,no',
      'Nul\u0000Byte,nul.byte@example.test,,trainee,no',
      'Bell,bell@example.test,采购\u0007部,trainee,no',
    ].join('\n');
    const response = await upload(Buffer.from(csv), 'users.csv');
    expect(response.status).toBe(422);
    const rows = response.body.rows as { row: number; field: string; message: string }[];
    expect(rows.filter((r) => /control characters/.test(r.message)).map((r) => [r.row, r.field])).toEqual([
      [3, 'name'],
      [4, 'department'],
    ]);
    expect(rows.every((r) => r.row !== 2)).toBe(true);
    expect(await countUsers()).toBe(before);
  });

  it('refuses files that are not CSV or XLSX, unreadable workbooks and missing columns', async () => {
    expect((await upload(Buffer.from('hello'), 'notes.pdf')).status).toBe(400);
    const broken = await upload(Buffer.from('PK\u0003\u0004 not really a zip'), 'users.xlsx');
    expect(broken.status).toBe(422);
    const missing = await upload(Buffer.from('name\nOnly Name\n'), 'users.csv');
    expect(missing.status).toBe(422);
    expect(missing.body.rows.map((r: { field: string }) => r.field)).toEqual(
      expect.arrayContaining(['email', 'roles']),
    );
    const noFile = await api
      .http()
      .post('/api/users/import')
      .set('authorization', admin)
      .field('organizationId', world.clientA.id);
    expect(noFile.status).toBe(400);
    expect(noFile.body.errors[0].field).toBe('file');
  });

  it('does not import into an organization the importer cannot see', async () => {
    const csv = Buffer.from('name,email,roles\nX,x.other@example.test,trainee\n');
    const response = await upload(csv, 'users.csv', '00000000-0000-4000-8000-000000000000');
    expect(response.status).toBe(404);
  });
});
