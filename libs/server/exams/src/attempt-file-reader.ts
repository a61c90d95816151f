import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { currentActor, RequestContext } from '@cascade/server/core';
import { FileReferences } from '@cascade/server/files';
import { DataSource } from 'typeorm';

/**
 * A scenario's attachments download for the candidate whose attempt shows it, and for the
 * trainers of the session the attempt belongs to (who grade it).
 */
@Injectable()
export class AttemptFileReader implements OnModuleInit {
  constructor(
    private readonly references: FileReferences,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.references.register((fileId) => this.readsAttemptWith(fileId));
  }

  private async readsAttemptWith(fileId: string): Promise<boolean> {
    if (RequestContext.isSystem()) return true;
    const actor = currentActor();
    const trained = [...actor.ledSessionIds, ...actor.assistedSessionIds];
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM attempt a
         JOIN exam e ON e.id = a.exam_id
         JOIN attempt_item ai ON ai.attempt_id = a.id
         JOIN question_version qv ON qv.id = ai.question_version_id
        WHERE (a.user_id = $2 OR e.session_id = ANY($3::uuid[]))
          AND qv.scenario -> 'attachments' @> jsonb_build_array($1::text)
        LIMIT 1`,
      [fileId, actor.userId, trained],
    );
    return rows.length > 0;
  }
}
