import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { FeedbackFormView, FeedbackItem, FieldError, ListResult } from '@cascade/contracts';
import {
  ConflictError,
  currentActor,
  ListSpec,
  ScopedRepository,
  ScopeRules,
  UnprocessableError,
} from '@cascade/server/core';
import { OrganizationsService } from '@cascade/server/identity';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { CreateFeedbackFormDto, FeedbackFormListQuery, FeedbackItemDto, UpdateFeedbackFormDto } from './feedback.dto';
import { FeedbackForm } from './feedback-form.entity';
import { FeedbackResponse } from './feedback-response.entity';

@Injectable()
export class FeedbackFormsRepository extends ScopedRepository<FeedbackForm> {
  protected readonly alias = 'form';
  protected readonly entityName = 'Feedback form';
  protected readonly scope: ScopeRules = {
    organizationColumn: 'organizationId',
    // The vendor's forms serve all of its clients.
    alsoVisibleWhen: `{alias}.organization_id IN (SELECT id FROM organization WHERE kind = 'vendor')`,
  };
  readonly listSpec: ListSpec = {
    sortable: { title: 'title', createdAt: 'createdAt', updatedAt: 'updatedAt' },
    defaultSort: 'title',
    searchable: ['title'],
    filters: { organizationId: 'organizationId' },
  };

  constructor(@InjectRepository(FeedbackForm) repository: Repository<FeedbackForm>) {
    super(repository);
  }

  async responseCounts(formIds: string[]): Promise<Map<string, number>> {
    if (formIds.length === 0) return new Map();
    const rows: { form_id: string; n: number }[] = await this.repository.manager.query(
      `SELECT form_id, count(*)::int AS n FROM feedback_response WHERE form_id = ANY($1::uuid[]) GROUP BY form_id`,
      [formIds],
    );
    return new Map(rows.map((r) => [r.form_id, r.n]));
  }
}

const invalid = (errors: FieldError[]) =>
  new UnprocessableError('FORM_INVALID', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);

@Injectable()
export class FeedbackFormsService {
  constructor(
    private readonly forms: FeedbackFormsRepository,
    private readonly organizations: OrganizationsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(query: FeedbackFormListQuery): Promise<ListResult<FeedbackFormView>> {
    const { data, total } = await this.forms.list(query, this.forms.listSpec);
    const counts = await this.forms.responseCounts(data.map((f) => f.id));
    return { data: data.map((f) => toFormView(f, counts.get(f.id) ?? 0)), total };
  }

  async get(id: string): Promise<FeedbackFormView> {
    const form = await this.forms.findVisible(id);
    return toFormView(form, (await this.forms.responseCounts([form.id])).get(form.id) ?? 0);
  }

  findVisible(id: string, manager?: EntityManager): Promise<FeedbackForm> {
    return this.forms.findVisible(id, manager);
  }

  async create(input: CreateFeedbackFormDto): Promise<FeedbackFormView> {
    const organization = await this.organizations.get(input.organizationId);
    const form = await this.dataSource.getRepository(FeedbackForm).save({
      organizationId: organization.id,
      title: input.title.trim(),
      description: input.description?.trim() || null,
      anonymous: input.anonymous ?? false,
      items: checkedItems(input.items),
      createdBy: currentActor().userId,
    });
    return toFormView(form, 0);
  }

  /** Title and description can always change; the questions and anonymity only until someone answered. */
  async update(id: string, input: UpdateFeedbackFormDto): Promise<FeedbackFormView> {
    return this.dataSource.transaction(async (manager) => {
      const form = await this.forms.findVisibleForUpdate(id, manager);
      const responses = await manager.countBy(FeedbackResponse, { formId: form.id });
      if (responses > 0 && (input.items !== undefined || input.anonymous !== undefined)) {
        throw new ConflictError('FORM_IN_USE', 'The form has responses; copy it to change its questions', {
          responses,
        });
      }
      if (input.title !== undefined) form.title = input.title.trim();
      if (input.description !== undefined) form.description = input.description.trim() || null;
      if (input.anonymous !== undefined) form.anonymous = input.anonymous;
      if (input.items !== undefined) form.items = checkedItems(input.items);
      return toFormView(await manager.save(form), responses);
    });
  }

  async remove(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const form = await this.forms.findVisibleForUpdate(id, manager);
      const used: { n: number }[] = await manager.query(
        `SELECT (SELECT count(*) FROM feedback_request WHERE form_id = $1)::int
              + (SELECT count(*) FROM feedback_form_choice WHERE form_id = $1)::int AS n`,
        [form.id],
      );
      if (used[0].n > 0) throw new ConflictError('FORM_IN_USE', 'The form is named by a plan or session, or was sent');
      await manager.remove(form);
    });
  }
}

/** Ids given where missing; every problem names its field. */
function checkedItems(items: FeedbackItemDto[]): FeedbackItem[] {
  const errors: FieldError[] = [];
  const taken = new Set(items.flatMap((i) => (i.id ? [i.id] : [])));
  const seen = new Set<string>();
  let next = 1;
  const result = items.map((item, i) => {
    let id = item.id;
    if (id && seen.has(id)) errors.push({ field: `items.${i}.id`, message: 'is used by another item' });
    if (!id) {
      while (taken.has(`q${next}`)) next++;
      id = `q${next}`;
      taken.add(id);
    }
    seen.add(id);
    if (item.type === 'single_choice' && !item.options)
      errors.push({ field: `items.${i}.options`, message: 'a single choice needs 2 to 10 options' });
    if (item.type !== 'single_choice' && item.options)
      errors.push({ field: `items.${i}.options`, message: 'only a single choice has options' });
    if (item.options && new Set(item.options.map((o) => o.trim())).size !== item.options.length)
      errors.push({ field: `items.${i}.options`, message: 'options must differ' });
    return {
      id,
      type: item.type,
      about: item.about,
      text: item.text.trim(),
      options: item.options?.map((o) => o.trim()) ?? null,
      required: item.required ?? true,
    };
  });
  if (errors.length) throw invalid(errors);
  return result;
}

export function toFormView(form: FeedbackForm, responseCount: number): FeedbackFormView {
  return {
    id: form.id,
    organizationId: form.organizationId,
    title: form.title,
    description: form.description,
    anonymous: form.anonymous,
    items: form.items,
    responseCount,
    createdBy: form.createdBy,
    createdAt: form.createdAt.toISOString(),
    updatedAt: form.updatedAt.toISOString(),
  };
}
