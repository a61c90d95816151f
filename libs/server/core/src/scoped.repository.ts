import { ListResult } from '@cascade/contracts';
import { isUUID } from 'class-validator';
import { Brackets, EntityManager, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { InputError, NotFoundError } from './errors';
import { ListQueryDto } from './list-query';
import { Actor, RequestContext } from './request-context';
import { currentActor, isOnlyTrainee, visibleOrganizationIds } from './tenant-scope';

export interface ScopeRules {
  /** Column holding the owning organization; `null` for records every tenant may see. */
  organizationColumn: string | null;
  /** Column naming the user a record is about; trainees see only their own records. */
  selfColumn?: string;
  /**
   * Who reads the records about other people; everyone else sees only their own (selfColumn or
   * selfCondition). By default anyone holding a role besides trainee, or a bank grant.
   */
  othersReadableBy?: (actor: Actor) => boolean;
  /** Like selfColumn, as SQL: `{alias}` and `:scopeSelfId` are filled in (e.g. an EXISTS on enrollments). */
  selfCondition?: string;
  /** SQL making a record of another organization visible too (`{alias}` filled in, `:...visibleOrganizationIds` bound). */
  alsoVisibleWhen?: string;
  /** When the owning organization is the record's own id (the organization itself). */
  organizationIsId?: boolean;
}

export interface ListSpec {
  /** API sort name → column. */
  sortable: Record<string, string>;
  defaultSort: string;
  searchable?: string[];
  /** Query field → column compared for equality, or a custom condition. */
  filters?: Record<string, string | ((qb: SelectQueryBuilder<ObjectLiteral>, value: unknown) => void)>;
}

/**
 * Base of every repository of tenant-owned records. All reads go through `scoped()`,
 * which applies the tenant context, so a record of another tenant is simply not found.
 */
export abstract class ScopedRepository<T extends ObjectLiteral> {
  protected abstract readonly alias: string;
  protected abstract readonly scope: ScopeRules;
  protected abstract readonly entityName: string;

  constructor(protected readonly repository: Repository<T>) {}

  protected scoped(manager?: EntityManager): SelectQueryBuilder<T> {
    const repo = manager ? manager.getRepository<T>(this.repository.target) : this.repository;
    const qb = repo.createQueryBuilder(this.alias);
    const visible = visibleOrganizationIds();
    if (visible && this.scope.organizationColumn) {
      const column = this.scope.organizationIsId ? 'id' : this.scope.organizationColumn;
      const also = this.scope.alsoVisibleWhen
        ? ` OR (${this.scope.alsoVisibleWhen.replace(/\{alias\}/g, this.alias)})`
        : '';
      qb.andWhere(`(${this.alias}.${column} IN (:...visibleOrganizationIds)${also})`, {
        visibleOrganizationIds: visible,
      });
    }
    if ((this.scope.selfColumn || this.scope.selfCondition) && this.onlyOwn()) {
      const condition = this.scope.selfCondition
        ? `(${this.scope.selfCondition.replace(/\{alias\}/g, this.alias)})`
        : `${this.alias}.${this.scope.selfColumn} = :scopeSelfId`;
      qb.andWhere(condition, { scopeSelfId: currentActor().userId });
    }
    return qb;
  }

  private onlyOwn(): boolean {
    if (!this.scope.othersReadableBy) return isOnlyTrainee();
    return !RequestContext.isSystem() && !this.scope.othersReadableBy(currentActor());
  }

  async findVisible(id: string, manager?: EntityManager): Promise<T> {
    const found = isUUID(id) ? await this.scoped(manager).andWhere(`${this.alias}.id = :id`, { id }).getOne() : null;
    if (!found) throw new NotFoundError(this.entityName);
    return found;
  }

  /** Locks the row for the rest of the transaction; still scoped. */
  async findVisibleForUpdate(id: string, manager: EntityManager): Promise<T> {
    const found = isUUID(id)
      ? await this.scoped(manager).andWhere(`${this.alias}.id = :id`, { id }).setLock('pessimistic_write').getOne()
      : null;
    if (!found) throw new NotFoundError(this.entityName);
    return found;
  }

  async list(query: ListQueryDto, spec: ListSpec, extra?: (qb: SelectQueryBuilder<T>) => void): Promise<ListResult<T>> {
    const qb = this.scoped();
    const sortName = query.sort ?? spec.defaultSort;
    const sortColumn = spec.sortable[sortName];
    if (!sortColumn) throw new InputError('sort', `must be one of ${Object.keys(spec.sortable).join(', ')}`);
    if (query.q && spec.searchable?.length) {
      const term = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        new Brackets((or) =>
          spec.searchable!.forEach((col) => or.orWhere(`${this.alias}.${col} ILIKE :term`, { term })),
        ),
      );
    }
    for (const [field, filter] of Object.entries(spec.filters ?? {})) {
      const value = (query as unknown as Record<string, unknown>)[field];
      if (value === undefined) continue;
      if (typeof filter === 'function') filter(qb as unknown as SelectQueryBuilder<ObjectLiteral>, value);
      else qb.andWhere(`${this.alias}.${filter} = :filter_${field}`, { [`filter_${field}`]: value });
    }
    extra?.(qb);
    qb.orderBy(`${this.alias}.${sortColumn}`, query.order ?? 'ASC')
      .addOrderBy(`${this.alias}.id`, 'ASC')
      .skip((query.page - 1) * query.perPage)
      .take(query.perPage);
    const [data, total] = await qb.getManyAndCount();
    return { data, total };
  }
}
