import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError } from '@cascade/server/core';
import { FileReferences } from '@cascade/server/files';
import { DataSource } from 'typeorm';
import { PlansRepository } from './plans.repository';

/** A plan's materials download for whoever may read the plan. */
@Injectable()
export class PlanFileReader implements OnModuleInit {
  constructor(
    private readonly references: FileReferences,
    private readonly plans: PlansRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.references.register((fileId) => this.readsPlanWith(fileId));
  }

  private async readsPlanWith(fileId: string): Promise<boolean> {
    const rows: { plan_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT plan_id FROM plan_module WHERE materials @> jsonb_build_array(jsonb_build_object('fileId', $1::text))`,
      [fileId],
    );
    for (const row of rows) if (await visible(() => this.plans.findVisible(row.plan_id))) return true;
    return false;
  }
}

async function visible(find: () => Promise<unknown>): Promise<boolean> {
  try {
    await find();
    return true;
  } catch (error) {
    if (error instanceof NotFoundError) return false;
    throw error;
  }
}
