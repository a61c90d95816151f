import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ListResult, ScenarioView } from '@cascade/contracts';
import { assertMay, currentActor } from '@cascade/server/core';
import { FilesService } from '@cascade/server/files';
import { OrganizationsService } from '@cascade/server/identity';
import { DataSource, EntityManager } from 'typeorm';
import { syncCurrentVersion } from './question-versioning';
import { invalidReference, scenarioInUse } from './questions.errors';
import { QuestionsRepository, ScenariosRepository } from './questions.repository';
import { Scenario } from './scenario.entity';
import { CreateScenarioDto, ScenarioListQuery, UpdateScenarioDto } from './scenario.dto';

@Injectable()
export class ScenariosService {
  constructor(
    private readonly scenarios: ScenariosRepository,
    private readonly questions: QuestionsRepository,
    private readonly organizations: OrganizationsService,
    private readonly files: FilesService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(query: ScenarioListQuery): Promise<ListResult<ScenarioView>> {
    const { data, total } = await this.scenarios.list(
      { ...query, order: query.order ?? (query.sort ? 'ASC' : 'DESC') },
      this.scenarios.listSpec,
    );
    const counts = await this.questions.countByScenario(data.map((s) => s.id));
    return { data: data.map((s) => toScenarioView(s, counts.get(s.id) ?? 0)), total };
  }

  async get(id: string): Promise<ScenarioView> {
    const scenario = await this.scenarios.findVisible(id);
    return this.view(scenario);
  }

  findByTitles(organizationId: string, titles: string[]): Promise<Scenario[]> {
    return this.scenarios.findByTitles(organizationId, titles);
  }

  /** The scenarios, share-locked for the rest of the transaction; 422 when one is gone meanwhile. */
  async lockShared(manager: EntityManager, ids: string[]): Promise<Map<string, Scenario>> {
    const locked = new Map<string, Scenario>();
    for (const id of ids) {
      const scenario = await this.scenarios.findVisibleShared(id, manager);
      if (!scenario) throw invalidReference('scenario', 'was deleted while importing');
      locked.set(id, scenario);
    }
    return locked;
  }

  async create(input: CreateScenarioDto): Promise<ScenarioView> {
    const organization = await this.organizations.get(input.organizationId);
    assertMay('create', 'Scenario', { organizationId: organization.id });
    await this.checkAttachments(organization.id, input.attachments ?? []);
    const scenario = await this.dataSource.getRepository(Scenario).save({
      organizationId: organization.id,
      title: input.title,
      narrative: input.narrative,
      attachments: input.attachments ?? [],
      businessProcess: input.businessProcess || null,
      copiedFromId: null,
      createdBy: currentActor().userId,
    });
    return toScenarioView(scenario, 0);
  }

  /** Questions using it take the change into their current version, or a new one if that was used. */
  async update(id: string, input: UpdateScenarioDto): Promise<ScenarioView> {
    // The organization never changes, so the attachments can be checked before the transaction.
    const { organizationId } = await this.scenarios.findVisible(id);
    assertMay('update', 'Scenario', { organizationId });
    if (input.attachments) await this.checkAttachments(organizationId, input.attachments);
    const scenario = await this.dataSource.transaction(async (manager) => {
      const scenario = await this.scenarios.findVisibleForUpdate(id, manager);
      const { businessProcess, ...fields } = input;
      Object.assign(scenario, fields);
      if (businessProcess !== undefined) scenario.businessProcess = businessProcess || null;
      await manager.save(scenario);
      await this.carryIntoQuestions(manager, scenario);
      return scenario;
    });
    return this.view(scenario);
  }

  async remove(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const scenario = await this.scenarios.findVisibleForUpdate(id, manager);
      assertMay('delete', 'Scenario', scenario);
      const questionCount = (await this.questions.countByScenario([scenario.id], manager)).get(scenario.id) ?? 0;
      if (questionCount > 0) throw scenarioInUse(questionCount);
      await manager.remove(scenario);
    });
  }

  private async carryIntoQuestions(manager: EntityManager, scenario: Scenario): Promise<void> {
    const questions = await this.questions.lockUsingScenario(scenario.id, manager);
    const current = await this.questions.currentVersions(questions, manager);
    for (const question of questions) {
      const before = question.version;
      await syncCurrentVersion(manager, question, scenario, current.get(question.id));
      if (question.version !== before) await manager.save(question);
    }
  }

  private async checkAttachments(organizationId: string, fileIds: string[]): Promise<void> {
    if (!(await this.files.assertOwned(organizationId, fileIds)))
      throw invalidReference('attachments', 'must be files uploaded to the same organization');
  }

  private async view(scenario: Scenario): Promise<ScenarioView> {
    const counts = await this.questions.countByScenario([scenario.id]);
    return toScenarioView(scenario, counts.get(scenario.id) ?? 0);
  }
}

function toScenarioView(scenario: Scenario, questionCount: number): ScenarioView {
  return {
    id: scenario.id,
    organizationId: scenario.organizationId,
    title: scenario.title,
    narrative: scenario.narrative,
    attachments: scenario.attachments,
    businessProcess: scenario.businessProcess,
    questionCount,
    copiedFromId: scenario.copiedFromId,
    createdBy: scenario.createdBy,
    createdAt: scenario.createdAt.toISOString(),
    updatedAt: scenario.updatedAt.toISOString(),
  };
}
