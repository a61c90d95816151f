import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  currentActor,
  ListQueryDto,
  ListSpec,
  NotFoundError,
  RequestContext,
  ScopedRepository,
  ScopeRules,
} from '@cascade/server/core';
import { ListResult } from '@cascade/contracts';
import { isUUID } from 'class-validator';
import { EntityManager, In, IsNull, Not, Repository, SelectQueryBuilder } from 'typeorm';
import { QuestionVersion } from './question-version.entity';
import { Question } from './question.entity';
import { Scenario } from './scenario.entity';

/** Trainees never read the bank itself; they get questions only through their attempts. */
const NOT_FOR_TRAINEES = 'FALSE';

@Injectable()
export class QuestionsRepository extends ScopedRepository<Question> {
  protected readonly alias = 'question';
  protected readonly entityName = 'Question';
  protected readonly scope: ScopeRules = { organizationColumn: 'organizationId', selfCondition: NOT_FOR_TRAINEES };
  readonly listSpec: ListSpec = {
    sortable: {
      createdAt: 'createdAt',
      updatedAt: 'updatedAt',
      difficulty: 'difficulty',
      businessProcess: 'businessProcess',
    },
    defaultSort: 'updatedAt',
    searchable: ['stem'],
    filters: {
      organizationId: 'organizationId',
      businessProcess: 'businessProcess',
      difficulty: 'difficulty',
      type: 'type',
      status: 'status',
      scenarioId: 'scenarioId',
      tag: (qb, value) => qb.andWhere(':tag = ANY(question.tags)', { tag: value }),
    },
  };

  constructor(
    @InjectRepository(Question) repository: Repository<Question>,
    @InjectRepository(QuestionVersion) private readonly versions: Repository<QuestionVersion>,
  ) {
    super(repository);
  }

  /**
   * The bank as the actor may read it: without what the exams they sit can draw (the
   * questions they list, or their blueprint's cells), so a candidate never reads a key.
   */
  listReadable(query: ListQueryDto): Promise<ListResult<Question>> {
    return this.list(query, this.listSpec, (qb) => this.withoutConflicts(qb));
  }

  async findReadable(id: string): Promise<Question> {
    const found = isUUID(id)
      ? await this.withoutConflicts(this.scoped().andWhere('question.id = :id', { id })).getOne()
      : null;
    if (!found) throw new NotFoundError(this.entityName);
    return found;
  }

  private withoutConflicts(qb: SelectQueryBuilder<Question>): SelectQueryBuilder<Question> {
    if (RequestContext.isSystem()) return qb;
    const { questionIds, cells } = currentActor().conflicts;
    if (questionIds.length > 0) qb.andWhere('NOT (question.id = ANY(:conflictIds))', { conflictIds: questionIds });
    if (cells.length > 0) {
      qb.andWhere(
        `(question.organization_id, question.business_process, question.difficulty) NOT IN
           (SELECT * FROM unnest(CAST(:cellOrgs AS uuid[]), CAST(:cellProcesses AS text[]), CAST(:cellDifficulties AS int[])))`,
        {
          cellOrgs: cells.map((cell) => cell.organizationId),
          cellProcesses: cells.map((cell) => cell.businessProcess),
          cellDifficulties: cells.map((cell) => cell.difficulty),
        },
      );
    }
    return qb;
  }

  /** The visible ones of `ids`, locked in id order so concurrent lockers cannot deadlock. */
  lockVisible(ids: string[], manager: EntityManager): Promise<Question[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.scoped(manager)
      .andWhere('question.id IN (:...ids)', { ids })
      .orderBy('question.id')
      .setLock('pessimistic_write')
      .getMany();
  }

  findVisibleMany(ids: string[], manager?: EntityManager): Promise<Question[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.scoped(manager).andWhere('question.id IN (:...ids)', { ids }).getMany();
  }

  lockUsingScenario(scenarioId: string, manager: EntityManager): Promise<Question[]> {
    return this.scoped(manager)
      .andWhere('question.scenarioId = :scenarioId', { scenarioId })
      .orderBy('question.id')
      .setLock('pessimistic_write')
      .getMany();
  }

  async countByScenario(scenarioIds: string[], manager?: EntityManager): Promise<Map<string, number>> {
    const counts = new Map(scenarioIds.map((id) => [id, 0]));
    if (scenarioIds.length === 0) return counts;
    const rows: { scenario_id: string; n: number }[] = await (manager ?? this.repository.manager).query(
      'SELECT scenario_id, count(*)::int AS n FROM question WHERE scenario_id = ANY($1::uuid[]) GROUP BY scenario_id',
      [scenarioIds],
    );
    rows.forEach((row) => counts.set(row.scenario_id, row.n));
    return counts;
  }

  versionsOf(questionId: string): Promise<QuestionVersion[]> {
    return this.versions.find({ where: { questionId }, order: { version: 'DESC' } });
  }

  async currentVersions(questions: Question[], manager: EntityManager): Promise<Map<string, QuestionVersion>> {
    if (questions.length === 0) return new Map();
    const rows = await manager
      .getRepository(QuestionVersion)
      .createQueryBuilder('v')
      .where(
        '(v.question_id, v.version) IN (SELECT * FROM unnest(CAST(:questionIds AS uuid[]), CAST(:versions AS int[])))',
        {
          questionIds: questions.map((q) => q.id),
          versions: questions.map((q) => q.version),
        },
      )
      .getMany();
    return new Map(rows.map((row) => [row.questionId, row]));
  }

  async hasUsedVersion(questionId: string, manager: EntityManager): Promise<boolean> {
    return manager.getRepository(QuestionVersion).exists({ where: { questionId, usedAt: Not(IsNull()) } });
  }

  /** The current versions of these questions that attempts already use, read without locking. */
  async usedCurrentVersions(ids: string[], manager: EntityManager): Promise<QuestionVersion[]> {
    if (ids.length === 0) return [];
    return manager
      .getRepository(QuestionVersion)
      .createQueryBuilder('v')
      .innerJoin(Question, 'q', 'q.id = v.questionId AND q.version = v.version')
      .where('q.id IN (:...ids)', { ids })
      .andWhere('v.usedAt IS NOT NULL')
      .getMany();
  }

  async markUsed(versionIds: string[], at: Date, manager: EntityManager): Promise<void> {
    if (versionIds.length === 0) return;
    await manager.getRepository(QuestionVersion).update({ id: In(versionIds), usedAt: IsNull() }, { usedAt: at });
  }
}

@Injectable()
export class ScenariosRepository extends ScopedRepository<Scenario> {
  protected readonly alias = 'scenario';
  protected readonly entityName = 'Scenario';
  protected readonly scope: ScopeRules = { organizationColumn: 'organizationId', selfCondition: NOT_FOR_TRAINEES };
  readonly listSpec: ListSpec = {
    sortable: { title: 'title', createdAt: 'createdAt', updatedAt: 'updatedAt', businessProcess: 'businessProcess' },
    defaultSort: 'updatedAt',
    searchable: ['title', 'narrative'],
    filters: { organizationId: 'organizationId', businessProcess: 'businessProcess' },
  };

  constructor(@InjectRepository(Scenario) repository: Repository<Scenario>) {
    super(repository);
  }

  /** Share-locked: a question written against it sees its final text, and it is not deleted meanwhile. */
  findVisibleShared(id: string, manager: EntityManager): Promise<Scenario | null> {
    return this.scoped(manager).andWhere('scenario.id = :id', { id }).setLock('pessimistic_read').getOne();
  }

  findVisibleMany(ids: string[], manager?: EntityManager): Promise<Scenario[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.scoped(manager).andWhere('scenario.id IN (:...ids)', { ids }).getMany();
  }

  findByTitles(organizationId: string, titles: string[]): Promise<Scenario[]> {
    if (titles.length === 0) return Promise.resolve([]);
    return this.scoped()
      .andWhere('scenario.organizationId = :organizationId AND scenario.title IN (:...titles)', {
        organizationId,
        titles,
      })
      .getMany();
  }

  async copiesIn(
    organizationId: string,
    templateIds: string[],
    manager: EntityManager,
  ): Promise<Map<string, Scenario>> {
    if (templateIds.length === 0) return new Map();
    const rows = await manager
      .getRepository(Scenario)
      .find({ where: { organizationId, copiedFromId: In(templateIds) }, order: { createdAt: 'ASC' } });
    const copies = new Map<string, Scenario>();
    rows.forEach((row) => copies.has(row.copiedFromId!) || copies.set(row.copiedFromId!, row));
    return copies;
  }
}
