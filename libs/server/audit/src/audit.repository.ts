import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ScopedRepository, ScopeRules } from '@cascade/server/core';
import { Repository } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';

@Injectable()
export class AuditRepository extends ScopedRepository<AuditEntry> {
  protected readonly alias = 'audit';
  protected readonly entityName = 'Audit entry';
  protected readonly scope: ScopeRules = { organizationColumn: 'organizationId' };

  constructor(@InjectRepository(AuditEntry) repository: Repository<AuditEntry>) {
    super(repository);
  }
}
