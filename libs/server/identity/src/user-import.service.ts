import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ATTITUDES, LOCALES, ROLES, UserImportResult, UserImportRowError } from '@cascade/contracts';
import {
  CONTROL_CHARACTER_MESSAGE,
  flattenValidationErrors,
  hasControlCharacter,
  inSlices,
  readSpreadsheet,
  SpreadsheetKind,
  SpreadsheetUnreadable,
  UnprocessableError,
} from '@cascade/server/core';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, In } from 'typeorm';
import { Department } from './department.entity';
import { CreateUserDto } from './dto';
import { OrganizationsRepository } from './identity.repositories';
import { passwordWeakness, passwordWeaknessMessage } from './password-strength';
import { hashPassword } from './passwords';
import { User } from './user.entity';
import { ungrantableRoles, UsersService } from './users.service';

const MAX_ROWS = 5000;

/** Column headers accepted in either language, mapped to fields. */
const HEADERS: Record<string, keyof ImportRow> = {
  name: 'name',
  姓名: 'name',
  名字: 'name',
  email: 'email',
  邮箱: 'email',
  电子邮件: 'email',
  电子邮箱: 'email',
  department: 'department',
  部门: 'department',
  roles: 'roles',
  role: 'roles',
  角色: 'roles',
  keyuser: 'keyUser',
  iskeyuser: 'keyUser',
  关键用户: 'keyUser',
  attitude: 'attitude',
  态度: 'attitude',
  locale: 'locale',
  language: 'locale',
  语言: 'locale',
  password: 'password',
  密码: 'password',
  初始密码: 'password',
};

const ROLE_WORDS: Record<string, string> = {
  管理员: 'admin',
  培训师: 'trainer',
  讲师: 'trainer',
  经理: 'manager',
  学员: 'trainee',
};
const ATTITUDE_WORDS: Record<string, string> = {
  支持: 'supportive',
  观望: 'wait_and_see',
  抵触: 'resistant',
  'wait-and-see': 'wait_and_see',
};
const YES = ['yes', 'y', 'true', '1', '是', '√'];
const NO = ['no', 'n', 'false', '0', '否', ''];

interface ImportRow {
  name: string;
  email: string;
  department: string;
  roles: string;
  keyUser: string;
  attitude: string;
  locale: string;
  password: string;
}

export type ImportFileKind = SpreadsheetKind;

@Injectable()
export class UserImportService {
  constructor(
    private readonly organizations: OrganizationsRepository,
    private readonly users: UsersService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** All rows or none: any bad row answers 422 listing every bad row with its reason. */
  async import(organizationId: string, file: Buffer, kind: ImportFileKind): Promise<UserImportResult> {
    const organization = await this.organizations.findVisible(organizationId);
    const sheet = await readSpreadsheet(file, kind, { maxRows: MAX_ROWS }).catch((error) => {
      if (error instanceof SpreadsheetUnreadable) throw importFailed([{ row: 1, field: null, message: error.message }]);
      throw error;
    });
    const errors: UserImportRowError[] = [];
    const unknownHeaders = sheet.headers.filter((h) => h && !HEADERS[normalizeHeader(h)]);
    unknownHeaders.forEach((h) => errors.push({ row: 1, field: h, message: 'unknown column' }));
    const mapped = sheet.headers.map((h) => HEADERS[normalizeHeader(h)]);
    for (const required of ['name', 'email', 'roles'] as const) {
      if (!mapped.includes(required)) errors.push({ row: 1, field: required, message: 'column is missing' });
    }
    if (sheet.rows.length === 0) errors.push({ row: 2, field: null, message: 'the file has no data rows' });
    if (errors.length) throw importFailed(errors);

    const departments = await this.dataSource.getRepository(Department).findBy({ organizationId: organization.id });
    const departmentByName = new Map(departments.map((d) => [d.name, d.id]));
    const candidates: { row: number; dto: CreateUserDto }[] = [];
    for await (const { row: rowNumber, cells } of inSlices(sheet.rows)) {
      const row = Object.fromEntries(
        mapped.map((field, i) => [field, (cells[i] ?? '').trim()]),
      ) as unknown as ImportRow;
      const rowErrors: UserImportRowError[] = [];
      mapped.forEach(
        (field, i) =>
          field &&
          hasControlCharacter(cells[i] ?? '') &&
          rowErrors.push({ row: rowNumber, field, message: CONTROL_CHARACTER_MESSAGE }),
      );
      const departmentId = row.department ? departmentByName.get(row.department) : undefined;
      if (row.department && !departmentId)
        rowErrors.push({ row: rowNumber, field: 'department', message: `no department named "${row.department}"` });
      const keyUser = (row.keyUser ?? '').toLowerCase();
      if (!YES.includes(keyUser) && !NO.includes(keyUser))
        rowErrors.push({ row: rowNumber, field: 'keyUser', message: 'must be yes or no' });
      const plain = {
        organizationId: organization.id,
        departmentId,
        email: row.email,
        name: row.name,
        roles: splitList(row.roles).map((r) => ROLE_WORDS[r] ?? r.toLowerCase()),
        isKeyUser: YES.includes(keyUser),
        attitude: row.attitude ? (ATTITUDE_WORDS[row.attitude] ?? row.attitude.toLowerCase()) : undefined,
        locale: row.locale
          ? row.locale === '中文'
            ? 'zh-CN'
            : row.locale === 'English'
              ? 'en'
              : row.locale
          : undefined,
        password: row.password || undefined,
      };
      const dto = plainToInstance(CreateUserDto, plain);
      const ungrantable = Array.isArray(dto.roles) ? ungrantableRoles(organization, dto.roles) : null;
      if (ungrantable) rowErrors.push({ row: rowNumber, field: 'roles', message: ungrantable });
      const invalid = flattenValidationErrors(await validate(dto, { forbidUnknownValues: true }));
      invalid.forEach((e) => rowErrors.push({ row: rowNumber, field: e.field, message: explain(e.field, e.message) }));
      const weakness = dto.password && !invalid.length ? passwordWeakness(dto.password, [dto.email, dto.name]) : null;
      if (weakness)
        rowErrors.push({ row: rowNumber, field: 'password', message: passwordWeaknessMessage(weakness, 'en') });
      errors.push(...rowErrors);
      if (rowErrors.length === 0) candidates.push({ row: rowNumber, dto });
    }
    const seen = new Map<string, number>();
    for (const { row, dto } of candidates) {
      const first = seen.get(dto.email);
      if (first) errors.push({ row, field: 'email', message: `repeats row ${first}` });
      else seen.set(dto.email, row);
    }
    const taken = await this.dataSource.getRepository(User).find({
      select: { email: true },
      where: { email: In(candidates.map((c) => c.dto.email)) },
    });
    const takenSet = new Set(taken.map((t) => t.email));
    candidates
      .filter((c) => takenSet.has(c.dto.email))
      .forEach((c) => errors.push({ row: c.row, field: 'email', message: 'is already taken' }));
    if (errors.length) throw importFailed(errors.sort((a, b) => a.row - b.row));

    const inputs = await Promise.all(
      candidates.map(async ({ dto }) => ({
        ...dto,
        passwordHash: dto.password ? await hashPassword(dto.password) : null,
      })),
    );
    const views = await this.dataSource.transaction((manager) =>
      this.users.createMany(
        manager,
        organization,
        inputs.map(({ password: _p, ...input }) => input),
      ),
    );
    return { created: views.length, users: views };
  }
}

function importFailed(rows: UserImportRowError[]): UnprocessableError {
  return new UnprocessableError(
    'IMPORT_INVALID',
    `${new Set(rows.map((r) => r.row)).size} row(s) are invalid; nothing was imported`,
    undefined,
    { rows },
  );
}

function explain(field: string, message: string): string {
  if (field.startsWith('roles')) return `must be among ${ROLES.join(', ')} (or 管理员, 培训师, 经理, 学员)`;
  if (field === 'attitude') return `must be one of ${ATTITUDES.join(', ')} (or 支持, 观望, 抵触)`;
  if (field === 'locale') return `must be one of ${LOCALES.join(', ')}`;
  return message;
}

const normalizeHeader = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, '');
const splitList = (value: string) =>
  value
    .split(/[,;，；、|\s]+/)
    .map((v) => v.trim())
    .filter(Boolean);
