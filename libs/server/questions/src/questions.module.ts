import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FilesModule } from '@cascade/server/files';
import { IdentityModule } from '@cascade/server/identity';
import { QuestionImportService } from './question-import.service';
import { QuestionVersion } from './question-version.entity';
import { Question } from './question.entity';
import { QuestionsRepository, ScenariosRepository } from './questions.repository';
import { QuestionsService } from './questions.service';
import { Scenario } from './scenario.entity';
import { ScenariosService } from './scenarios.service';
import { ScenarioFileReader } from './scenario-file-reader';

export const QUESTION_ENTITIES = [Scenario, Question, QuestionVersion];

@Module({
  imports: [TypeOrmModule.forFeature(QUESTION_ENTITIES), IdentityModule, FilesModule],
  providers: [
    ScenarioFileReader,
    QuestionsRepository,
    ScenariosRepository,
    QuestionsService,
    ScenariosService,
    QuestionImportService,
  ],
  exports: [QuestionsService, ScenariosService, QuestionImportService],
})
export class QuestionsModule {}
