import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ListSpec, ScopedRepository, ScopeRules } from '@cascade/server/core';
import { Repository } from 'typeorm';
import { TrainingSession } from './training-session.entity';

@Injectable()
export class SessionsRepository extends ScopedRepository<TrainingSession> {
  protected readonly alias = 'session';
  protected readonly entityName = 'Session';
  protected readonly scope: ScopeRules = {
    organizationColumn: 'organizationId',
    // Trainees see the sessions they are enrolled in or help deliver.
    selfCondition: `EXISTS (SELECT 1 FROM session_enrollment e WHERE e.session_id = {alias}.id AND e.user_id = :scopeSelfId)
      OR EXISTS (SELECT 1 FROM session_trainer t WHERE t.session_id = {alias}.id AND t.user_id = :scopeSelfId)
      OR EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = {alias}.id AND a.user_id = :scopeSelfId)`,
  };
  readonly listSpec: ListSpec = {
    sortable: { startsAt: 'startsAt', title: 'title', createdAt: 'createdAt' },
    defaultSort: 'startsAt',
    searchable: ['title', 'location', 'businessProcess'],
    filters: {
      planId: 'planId',
      moduleId: 'moduleId',
      organizationId: 'organizationId',
      status: 'status',
      from: (qb, value) => qb.andWhere('session.ends_at > :from', { from: value }),
      to: (qb, value) => qb.andWhere('session.starts_at < :to', { to: value }),
      trainerId: (qb, value) =>
        qb.andWhere('EXISTS (SELECT 1 FROM session_trainer ft WHERE ft.session_id = session.id AND ft.user_id = :trainerId)', {
          trainerId: value,
        }),
      traineeId: (qb, value) =>
        qb.andWhere(
          `EXISTS (SELECT 1 FROM session_enrollment fe WHERE fe.session_id = session.id AND fe.user_id = :traineeId AND fe.status <> 'declined')`,
          { traineeId: value },
        ),
    },
  };

  constructor(@InjectRepository(TrainingSession) repository: Repository<TrainingSession>) {
    super(repository);
  }
}
