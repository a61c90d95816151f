import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { may } from '@cascade/server/core';
import { FileReferences } from '@cascade/server/files';
import { DataSource } from 'typeorm';
import { ScenariosRepository } from './questions.repository';

/** A scenario's attachments download for whoever may read the scenario in the bank. */
@Injectable()
export class ScenarioFileReader implements OnModuleInit {
  constructor(
    private readonly references: FileReferences,
    private readonly scenarios: ScenariosRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.references.register((fileId) => this.readsScenarioWith(fileId));
  }

  private async readsScenarioWith(fileId: string): Promise<boolean> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM scenario WHERE $1::uuid = ANY(attachments)`,
      [fileId],
    );
    if (rows.length === 0) return false;
    const found = await this.scenarios.findVisibleMany(rows.map((row) => row.id));
    return found.some((scenario) => may('read', 'Scenario', scenario));
  }
}
