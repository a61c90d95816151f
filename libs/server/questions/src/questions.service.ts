import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ListResult,
  QuestionCopyResult,
  QuestionKey,
  QuestionStatus,
  QuestionVersionView,
  QuestionView,
  TraineeQuestionView,
  TypedQuestionBody,
} from '@cascade/contracts';
import {
  assertMay,
  ConflictError,
  currentActor,
  ForbiddenError,
  NotFoundError,
  UnprocessableError,
} from '@cascade/server/core';
import { FilesService } from '@cascade/server/files';
import { OrganizationsService } from '@cascade/server/identity';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { CopyQuestionsDto, CreateQuestionDto, QuestionListQuery, UpdateQuestionDto } from './question.dto';
import { validateQuestionShape } from './question-types';
import { QuestionVersion } from './question-version.entity';
import { syncCurrentVersion, toFrozenQuestion, toVersionView } from './question-versioning';
import { Question } from './question.entity';
import { invalidReference, questionInUse, shapeInvalid } from './questions.errors';
import { QuestionsRepository, ScenariosRepository } from './questions.repository';
import { Scenario } from './scenario.entity';
import { toTraineeView } from './trainee-view';

export interface NewQuestion {
  businessProcess: string;
  difficulty: number;
  points: number;
  scenarioId: string | null;
  tags: string[];
  status: QuestionStatus;
  stem: string;
  body: TypedQuestionBody;
  copiedFromId?: string | null;
}

@Injectable()
export class QuestionsService {
  constructor(
    private readonly questions: QuestionsRepository,
    private readonly scenarios: ScenariosRepository,
    private readonly organizations: OrganizationsService,
    private readonly files: FilesService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(query: QuestionListQuery): Promise<ListResult<QuestionView>> {
    const { data, total } = await this.questions.listReadable({
      ...query,
      order: query.order ?? (query.sort ? 'ASC' : 'DESC'),
    });
    return { data: data.map(toQuestionView), total };
  }

  async get(id: string): Promise<QuestionView> {
    return toQuestionView(await this.questions.findReadable(id));
  }

  async versions(id: string): Promise<ListResult<QuestionVersionView>> {
    const question = await this.questions.findReadable(id);
    const versions = await this.questions.versionsOf(question.id);
    return { data: versions.map(toVersionView), total: versions.length };
  }

  async traineePreview(id: string): Promise<TraineeQuestionView> {
    const question = await this.questions.findReadable(id);
    const current = (await this.questions.versionsOf(question.id)).find((v) => v.version === question.version);
    if (!current) throw new NotFoundError('Question version');
    return toTraineeView(toFrozenQuestion(current));
  }

  async create(input: CreateQuestionDto): Promise<QuestionView> {
    const organization = await this.organizations.get(input.organizationId);
    assertMay('create', 'Question', { organizationId: organization.id, businessProcess: input.businessProcess });
    const body = checkedBody(input.type, input.content, input.key, input.points);
    const [question] = await this.dataSource.transaction(async (manager) => {
      const scenarios = await this.scenariosFor(manager, organization.id, input.scenarioId ?? null);
      return this.createMany(
        manager,
        organization.id,
        [
          {
            businessProcess: input.businessProcess,
            difficulty: input.difficulty,
            points: input.points,
            stem: input.stem,
            scenarioId: input.scenarioId ?? null,
            tags: input.tags ?? [],
            status: input.status ?? 'draft',
            body,
          },
        ],
        scenarios,
      );
    });
    return toQuestionView(question);
  }

  /** `scenarios` holds every scenario the inputs name, already checked to belong to the organization. */
  async createMany(
    manager: EntityManager,
    organizationId: string,
    inputs: NewQuestion[],
    scenarios: Map<string, Scenario>,
  ): Promise<Question[]> {
    const createdBy = currentActor().userId;
    const saved: Question[] = [];
    for (const input of inputs) {
      const question = await manager.save(
        manager.create(Question, {
          organizationId,
          businessProcess: input.businessProcess,
          difficulty: input.difficulty,
          points: input.points,
          scenarioId: input.scenarioId,
          tags: distinct(input.tags),
          status: input.status,
          stem: input.stem,
          type: input.body.type,
          content: input.body.content,
          key: input.body.key,
          version: 1,
          copiedFromId: input.copiedFromId ?? null,
          createdBy,
        }),
      );
      await syncCurrentVersion(
        manager,
        question,
        input.scenarioId ? scenarios.get(input.scenarioId)! : null,
        undefined,
      );
      saved.push(question);
    }
    return saved;
  }

  /** An unused current version is rewritten; a used one is kept and the edit becomes the next version. */
  async update(id: string, input: UpdateQuestionDto): Promise<QuestionView> {
    return this.dataSource.transaction(async (manager) => {
      const [question] = await this.questions.lockVisible(isUUID(id) ? [id] : [], manager);
      if (!question) throw new NotFoundError('Question');
      assertMay('update', 'Question', question);
      const { content, key, type, scenarioId, ...fields } = input;
      const body = checkedBody(
        type ?? question.type,
        content ?? question.content,
        key ?? question.key,
        input.points ?? question.points,
      );
      const nextScenarioId = scenarioId === undefined ? question.scenarioId : scenarioId;
      const scenarios = await this.scenariosFor(manager, question.organizationId, nextScenarioId);
      Object.assign(question, fields, {
        type: body.type,
        content: body.content,
        key: body.key,
        scenarioId: nextScenarioId,
      });
      if (fields.tags) question.tags = distinct(fields.tags);
      const current = (await this.questions.currentVersions([question], manager)).get(question.id);
      await syncCurrentVersion(manager, question, nextScenarioId ? scenarios.get(nextScenarioId)! : null, current);
      return toQuestionView(await manager.save(question));
    });
  }

  /** Only a question no attempt has used; a used one is retired instead, so results stay explainable. */
  async remove(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [question] = await this.questions.lockVisible(isUUID(id) ? [id] : [], manager);
      if (!question) throw new NotFoundError('Question');
      assertMay('delete', 'Question', question);
      if (await this.questions.hasUsedVersion(question.id, manager)) throw questionInUse();
      await manager.remove(question);
    });
  }

  /**
   * Replaces the answer key of one version in place: the one change a used version may
   * take, because the key, not the question, was wrong. The question's own key follows when
   * that version is current. Pass the caller's transaction, which records why and regrades.
   */
  async correctKey(
    id: string,
    versionNumber: number,
    key: unknown,
    manager: EntityManager,
  ): Promise<{ question: Question; version: QuestionVersion; oldKey: QuestionKey }> {
    const [question] = await this.questions.lockVisible(isUUID(id) ? [id] : [], manager);
    if (!question) throw new NotFoundError('Question');
    assertMay('correctKey', 'Question', question);
    const version = await manager.findOneBy(QuestionVersion, { questionId: question.id, version: versionNumber });
    if (!version) {
      throw new UnprocessableError('VERSION_NOT_FOUND', `Version ${versionNumber} does not exist`, [
        { field: 'version', message: `the question has versions 1 to ${question.version}` },
      ]);
    }
    if (version.type === 'essay') {
      throw new UnprocessableError('ESSAY_KEY', 'Essays are graded by trainers; change the rubric by editing', [
        { field: 'key', message: 'an essay has no key to correct' },
      ]);
    }
    const checked = validateQuestionShape({
      type: version.type,
      content: version.content,
      key,
      points: version.points,
    });
    if (!checked.ok) throw shapeInvalid(checked.errors);
    const oldKey = version.key;
    version.key = checked.value.key;
    await manager.save(version);
    if (question.version === version.version) {
      question.key = checked.value.key;
      await manager.save(question);
    }
    return { question, version, oldKey };
  }

  /**
   * Marks the current versions used, so later edits start new ones and the attempt keeps what it was given.
   * Pass the attempt's transaction as `manager` to freeze in the same commit.
   */
  async freezeForAttempt(questionIds: string[], manager?: EntityManager): Promise<QuestionVersionView[]> {
    const run = async (m: EntityManager) => {
      const ids = distinct(questionIds);
      // An edit never rewrites a used version (it starts the next one), so once the current
      // versions are all used a start needs no lock: a room starting together does not queue here.
      const used = await this.questions.usedCurrentVersions(
        ids.filter((id) => isUUID(id)),
        m,
      );
      if (used.length === ids.length) {
        const usedById = new Map(used.map((v) => [v.questionId, v]));
        return ids.map((id) => toVersionView(usedById.get(id)!));
      }
      const questions = await this.questions.lockVisible(
        ids.filter((id) => isUUID(id)),
        m,
      );
      if (questions.length !== ids.length) throw new NotFoundError('Question');
      const scenarios = await this.scenarios.findVisibleMany(
        distinct(questions.flatMap((q) => (q.scenarioId ? [q.scenarioId] : []))),
        m,
      );
      const scenarioById = new Map(scenarios.map((s) => [s.id, s]));
      const current = await this.questions.currentVersions(questions, m);
      const frozen = new Map<string, QuestionVersion>();
      for (const question of questions) {
        const before = question.version;
        const version = await syncCurrentVersion(
          m,
          question,
          question.scenarioId ? (scenarioById.get(question.scenarioId) ?? null) : null,
          current.get(question.id),
        );
        if (question.version !== before) await m.save(question);
        frozen.set(question.id, version);
      }
      const usedAt = new Date();
      await this.questions.markUsed(
        [...frozen.values()].filter((v) => !v.usedAt).map((v) => v.id),
        usedAt,
        m,
      );
      return ids.map((id) => {
        const version = frozen.get(id)!;
        return toVersionView({ ...version, usedAt: version.usedAt ?? usedAt });
      });
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  /** As drafts, with their scenarios (each once; one copied before is reused) and the scenarios' attachments. */
  async copyFromTemplates(input: CopyQuestionsDto): Promise<QuestionCopyResult> {
    const actor = currentActor();
    const target = await this.organizations.get(input.organizationId);
    if (target.kind !== 'client') throw invalidReference('organizationId', 'must be a client organization');
    const assignedVendorTrainer =
      actor.organizationKind === 'vendor' &&
      actor.roles.includes('trainer') &&
      actor.assignedOrganizationIds.includes(target.id);
    if (!actor.roles.includes('admin') && !assignedVendorTrainer) {
      throw new ForbiddenError(
        'Only an admin or a vendor trainer assigned to this client may copy templates into its bank',
      );
    }
    // Checked before the transaction: inside it, only its own connection may be used (the embedded database has few).
    const found = new Map((await this.questions.findVisibleMany(input.questionIds)).map((q) => [q.id, q]));
    const vendorIds = new Set<string>();
    for (const organizationId of distinct([...found.values()].map((q) => q.organizationId))) {
      if ((await this.organizations.get(organizationId)).kind === 'vendor') vendorIds.add(organizationId);
    }
    const errors = input.questionIds.flatMap((id, index) => {
      const question = found.get(id);
      return question && vendorIds.has(question.organizationId)
        ? []
        : [{ field: `questionIds.${index}`, message: 'must be a question of a vendor template bank' }];
    });
    if (errors.length) {
      throw new UnprocessableError(
        'REFERENCE_INVALID',
        errors.map((e) => `${e.field}: ${e.message}`).join('; '),
        errors,
      );
    }
    const templates = input.questionIds.map((id) => found.get(id)!);

    return this.dataSource.transaction(async (manager) => {
      const templateScenarioIds = distinct(templates.flatMap((q) => (q.scenarioId ? [q.scenarioId] : [])));
      const copies = await this.scenarios.copiesIn(target.id, templateScenarioIds, manager);
      let scenariosCreated = 0;
      for (const template of await this.scenarios.findVisibleMany(
        templateScenarioIds.filter((id) => !copies.has(id)),
        manager,
      )) {
        const attachments = await this.files.copyToOrganization(template.attachments, target.id, manager);
        const copy = await manager.save(
          manager.create(Scenario, {
            organizationId: target.id,
            title: template.title,
            narrative: template.narrative,
            attachments,
            businessProcess: template.businessProcess,
            copiedFromId: template.id,
            createdBy: actor.userId,
          }),
        );
        copies.set(template.id, copy);
        scenariosCreated += 1;
      }
      if (templateScenarioIds.some((id) => !copies.has(id))) {
        throw new ConflictError('RETRY', 'A template changed while it was being copied, please retry');
      }
      const created = await this.createMany(
        manager,
        target.id,
        templates.map((template) => ({
          businessProcess: template.businessProcess,
          difficulty: template.difficulty,
          points: template.points,
          scenarioId: template.scenarioId ? copies.get(template.scenarioId)!.id : null,
          tags: template.tags,
          status: 'draft',
          stem: template.stem,
          body: { type: template.type, content: template.content, key: template.key } as TypedQuestionBody,
          copiedFromId: template.id,
        })),
        new Map([...copies.values()].map((s) => [s.id, s])),
      );
      return { created: created.length, scenariosCreated, questions: created.map(toQuestionView) };
    });
  }

  private async scenariosFor(
    manager: EntityManager,
    organizationId: string,
    scenarioId: string | null,
  ): Promise<Map<string, Scenario>> {
    if (!scenarioId) return new Map();
    const scenario = await this.scenarios.findVisibleShared(scenarioId, manager);
    if (!scenario || scenario.organizationId !== organizationId)
      throw invalidReference('scenarioId', 'must be a scenario of the same organization');
    return new Map([[scenario.id, scenario]]);
  }
}

function checkedBody(type: unknown, content: unknown, key: unknown, points: number): TypedQuestionBody {
  const checked = validateQuestionShape({ type, content, key, points });
  if (!checked.ok) throw shapeInvalid(checked.errors);
  return checked.value;
}

const distinct = <T>(values: T[]): T[] => [...new Set(values)];

export function toQuestionView(question: Question): QuestionView {
  return {
    id: question.id,
    organizationId: question.organizationId,
    businessProcess: question.businessProcess,
    difficulty: question.difficulty,
    points: question.points,
    scenarioId: question.scenarioId,
    tags: question.tags,
    status: question.status,
    type: question.type,
    stem: question.stem,
    content: question.content,
    key: question.key,
    version: question.version,
    copiedFromId: question.copiedFromId,
    createdBy: question.createdBy,
    createdAt: question.createdAt.toISOString(),
    updatedAt: question.updatedAt.toISOString(),
  } as QuestionView;
}
