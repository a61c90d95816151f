import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { QuestionImportResult, QuestionImportRowError } from '@cascade/contracts';
import { assertMay, flattenValidationErrors, hasControlCharacter, inSlices } from '@cascade/server/core';
import { OrganizationsService } from '@cascade/server/identity';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource } from 'typeorm';
import { CreateQuestionDto } from './question.dto';
import { columnOf, parseSheetRow, readSheet, REQUIRED_COLUMNS, SheetField, SheetUnreadable } from './question-sheet';
import { validateQuestionShape } from './question-types';
import { importFailed } from './questions.errors';
import { NewQuestion, QuestionsService, toQuestionView } from './questions.service';
import { ScenariosService } from './scenarios.service';

/** Which column a field of a question comes from, to name it in a row's problem. */
function columnOfField(field: string): SheetField | null {
  const [head] = field.split('.');
  if (head === 'content') return 'options';
  if (head === 'key') return 'answer';
  if (head === 'scenarioId') return 'scenario';
  return (['type', 'businessProcess', 'difficulty', 'points', 'stem', 'tags', 'status'] as string[]).includes(head)
    ? (head as SheetField)
    : null;
}

@Injectable()
export class QuestionImportService {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly questions: QuestionsService,
    private readonly scenarios: ScenariosService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** All rows or none: any bad row answers 422 listing every bad row with its reason. */
  async import(organizationId: string, file: Buffer, kind: 'csv' | 'xlsx'): Promise<QuestionImportResult> {
    const organization = await this.organizations.get(organizationId);
    assertMay('import', 'Question', { organizationId: organization.id });
    let sheet;
    try {
      sheet = await readSheet(file, kind);
    } catch (error) {
      if (error instanceof SheetUnreadable) throw importFailed([error.problem]);
      throw error;
    }
    const errors: QuestionImportRowError[] = [];
    const columns = sheet.headers.map((header) => (header.trim() ? columnOf(header) : undefined));
    sheet.headers.forEach(
      (header, i) => header.trim() && !columns[i] && errors.push({ row: 1, field: header, message: 'unknown column' }),
    );
    const repeated = columns.filter((c, i) => c && columns.indexOf(c) !== i);
    new Set(repeated).forEach((field) => errors.push({ row: 1, field: field!, message: 'column appears twice' }));
    REQUIRED_COLUMNS.filter((field) => !columns.includes(field)).forEach((field) =>
      errors.push({ row: 1, field, message: 'column is missing' }),
    );
    if (sheet.rows.length === 0) errors.push({ row: 2, field: null, message: 'the file has no questions' });
    if (errors.length) throw importFailed(errors);

    const parsed = sheet.rows.map(({ row, cells }) => {
      const byField: Partial<Record<SheetField, string>> = {};
      columns.forEach((field, i) => field && (byField[field] = cells[i] ?? ''));
      return { row, ...parseSheetRow(byField) };
    });
    const titles = [
      ...new Set(
        parsed.flatMap((p) =>
          // A title PostgreSQL cannot hold is reported on its row, not looked up.
          p.fields.scenarioTitle && !hasControlCharacter(p.fields.scenarioTitle) ? [p.fields.scenarioTitle] : [],
        ),
      ),
    ];
    const scenarios = await this.scenarios.findByTitles(organization.id, titles);
    const candidates: NewQuestion[] = [];
    for await (const { row, fields, body, problems } of inSlices(parsed)) {
      const rowErrors: QuestionImportRowError[] = problems.map((p) => ({ row, ...p }));
      const named = fields.scenarioTitle ? scenarios.filter((s) => s.title === fields.scenarioTitle) : [];
      if (fields.scenarioTitle && named.length !== 1) {
        rowErrors.push({
          row,
          field: 'scenario',
          message: named.length
            ? `${named.length} scenarios are titled "${fields.scenarioTitle}"`
            : `no scenario titled "${fields.scenarioTitle}"`,
        });
      }
      // The other columns are checked even when type, options or answer are wrong, so one pass names every problem.
      const dto = plainToInstance(CreateQuestionDto, {
        organizationId: organization.id,
        type: body?.type ?? 'essay',
        businessProcess: fields.businessProcess,
        difficulty: fields.difficulty,
        points: fields.points,
        stem: fields.stem,
        tags: fields.tags,
        status: fields.status,
        content: body?.content ?? {},
        key: body?.key ?? {},
      });
      const reported = new Set(problems.map((p) => p.field));
      for (const e of flattenValidationErrors(await validate(dto, { forbidUnknownValues: true }))) {
        const column = columnOfField(e.field);
        if (!column || !reported.has(column)) rowErrors.push({ row, field: column, message: e.message });
      }
      if (body && rowErrors.length === 0) {
        const shape = validateQuestionShape(dto);
        if (shape.ok) {
          candidates.push({
            businessProcess: dto.businessProcess,
            difficulty: dto.difficulty,
            points: dto.points,
            stem: dto.stem,
            tags: dto.tags ?? [],
            status: dto.status ?? 'draft',
            scenarioId: named[0]?.id ?? null,
            body: shape.value,
          });
        } else {
          shape.errors.forEach((e) =>
            rowErrors.push({ row, field: columnOfField(e.field), message: `${e.field}: ${e.message}` }),
          );
        }
      }
      errors.push(...rowErrors);
    }
    if (errors.length) throw importFailed(errors.sort((a, b) => a.row - b.row));

    const created = await this.dataSource.transaction(async (manager) => {
      // Share-lock the named scenarios so none is deleted or rewritten halfway through.
      const locked = await this.scenarios.lockShared(manager, [
        ...new Set(candidates.flatMap((c) => (c.scenarioId ? [c.scenarioId] : []))),
      ]);
      return this.questions.createMany(manager, organization.id, candidates, locked);
    });
    return { created: created.length, questions: created.map(toQuestionView) };
  }
}
