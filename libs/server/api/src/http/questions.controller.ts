import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FileInterceptor, UploadedMultipartFile } from '@nestjs/platform-fastify/multipart';
import {
  ListResult,
  QuestionCopyResult,
  QuestionImportResult,
  QuestionVersionView,
  QuestionView,
  TraineeQuestionView,
} from '@cascade/contracts';
import { Actor, Can, CurrentActor, InputError } from '@cascade/server/core';
import {
  buildImportTemplate,
  CopyQuestionsDto,
  CreateQuestionDto,
  ImportQuestionsForm,
  QuestionImportService,
  QuestionListQuery,
  QuestionsService,
  UpdateQuestionDto,
} from '@cascade/server/questions';
import { contentDisposition, Reply } from './download';
import { RequestLimits, spend } from './request-limits';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The question bank: staff only. Trainees meet questions through their attempts, without the key. */
@ApiTags('questions')
@ApiBearerAuth()
@Controller('questions')
export class QuestionsController {
  constructor(
    private readonly questions: QuestionsService,
    private readonly importer: QuestionImportService,
    private readonly limits: RequestLimits,
  ) {}

  @Can('read', 'Question')
  @Get()
  list(@Query() query: QuestionListQuery): Promise<ListResult<QuestionView>> {
    return this.questions.list(query);
  }

  @Can('import', 'Question')
  @ApiProduces(XLSX_TYPE)
  @Get('import-template.xlsx')
  async template(@Res() reply: Reply): Promise<void> {
    reply
      .header('content-type', XLSX_TYPE)
      .header('content-disposition', contentDisposition('题目导入模板 question-import-template.xlsx'))
      .send(await buildImportTemplate());
  }

  @Can('import', 'Question')
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
    @Body() form: ImportQuestionsForm,
    @UploadedFile() file: UploadedMultipartFile | undefined,
  ): Promise<QuestionImportResult> {
    if (!file?.buffer) throw new InputError('file', 'a CSV or XLSX file is required');
    const name = file.originalname?.toLowerCase() ?? '';
    const isXlsx = file.mimetype === XLSX_TYPE || name.endsWith('.xlsx');
    const isCsv = file.mimetype.startsWith('text/') || name.endsWith('.csv');
    if (!isXlsx && !isCsv) throw new InputError('file', 'must be a .csv or .xlsx file');
    await spend(this.limits.imports, actor.userId);
    return this.importer.import(form.organizationId, file.buffer, isXlsx ? 'xlsx' : 'csv');
  }

  @Can('create', 'Question')
  @Post('copy')
  copy(@Body() body: CopyQuestionsDto): Promise<QuestionCopyResult> {
    return this.questions.copyFromTemplates(body);
  }

  @Can('read', 'Question')
  @Get(':id')
  get(@Param('id') id: string): Promise<QuestionView> {
    return this.questions.get(id);
  }

  @Can('read', 'Question')
  @Get(':id/versions')
  versions(@Param('id') id: string): Promise<ListResult<QuestionVersionView>> {
    return this.questions.versions(id);
  }

  /** The current version as a trainee would see it. */
  @Can('read', 'Question')
  @Get(':id/trainee-view')
  traineeView(@Param('id') id: string): Promise<TraineeQuestionView> {
    return this.questions.traineePreview(id);
  }

  @Can('create', 'Question')
  @Post()
  create(@Body() body: CreateQuestionDto): Promise<QuestionView> {
    return this.questions.create(body);
  }

  @Can('update', 'Question')
  @Patch(':id')
  update(@Param('id') id: string, @Body() body: UpdateQuestionDto): Promise<QuestionView> {
    return this.questions.update(id, body);
  }

  @Can('delete', 'Question')
  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id') id: string): Promise<void> {
    return this.questions.remove(id);
  }
}
