import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { FileInterceptor, UploadedMultipartFile } from '@nestjs/platform-fastify/multipart';
import { ListResult, UserImportResult, UserView } from '@cascade/contracts';
import { Actor, Can, CurrentActor, InputError } from '@cascade/server/core';
import {
  CreateUserDto,
  PasswordsService,
  UpdateUserDto,
  UserImportService,
  UserListQuery,
  UsersService,
} from '@cascade/server/identity';
import { IsUUID } from 'class-validator';
import { RequestLimits, spend } from './request-limits';

class ImportUsersForm {
  @IsUUID()
  organizationId!: string;
}

const XLSX_TYPES = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly importer: UserImportService,
    private readonly passwords: PasswordsService,
    private readonly limits: RequestLimits,
  ) {}

  @Get()
  list(@Query() query: UserListQuery): Promise<ListResult<UserView>> {
    return this.users.list(query);
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<UserView> {
    return this.users.get(id);
  }

  @Can('create', 'User')
  @Post()
  async create(@Body() body: CreateUserDto): Promise<UserView> {
    if (body.password) await this.passwords.assertAdminChosen(body.password, 'password', [body.email, body.name]);
    return this.users.create(body);
  }

  @Can('create', 'User')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { organizationId: { type: 'string' }, file: { type: 'string', format: 'binary' } },
    },
  })
  @Post('import')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 5 } }))
  async import(
    @CurrentActor() actor: Actor,
    @Body() form: ImportUsersForm,
    @UploadedFile() file: UploadedMultipartFile | undefined,
  ): Promise<UserImportResult> {
    if (!file?.buffer) throw new InputError('file', 'a CSV or XLSX file is required');
    const name = file.originalname?.toLowerCase() ?? '';
    const isXlsx = XLSX_TYPES.includes(file.mimetype) || name.endsWith('.xlsx');
    const isCsv = file.mimetype.startsWith('text/') || name.endsWith('.csv');
    if (!isXlsx && !isCsv) throw new InputError('file', 'must be a .csv or .xlsx file');
    await spend(this.limits.imports, actor.userId);
    return this.importer.import(form.organizationId, file.buffer, isXlsx ? 'xlsx' : 'csv');
  }

  @Can('update', 'User')
  @Patch(':id')
  async update(@Param('id') id: string, @Body() body: UpdateUserDto): Promise<UserView> {
    if (body.password)
      await this.passwords.assertAdminChosen(body.password, 'password', [body.email ?? '', body.name ?? '']);
    return this.users.update(id, body);
  }

  @Can('update', 'User')
  @Post(':id/deactivate')
  @HttpCode(200)
  deactivate(@Param('id') id: string): Promise<UserView> {
    return this.users.setActive(id, false);
  }

  @Can('update', 'User')
  @Post(':id/activate')
  @HttpCode(200)
  activate(@Param('id') id: string): Promise<UserView> {
    return this.users.setActive(id, true);
  }
}
