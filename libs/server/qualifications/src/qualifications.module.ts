import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CertificatesModule } from '@cascade/server/certificates';
import { IdentityModule } from '@cascade/server/identity';
import { NotificationsModule } from '@cascade/server/notifications';
import { SessionsModule } from '@cascade/server/sessions';
import { Qualification, QualificationReminder, QualificationTrack, TeachBack } from './qualification.entities';
import { QualificationTracksService } from './qualification-tracks.service';
import {
  QualificationsRepository,
  QualificationTracksRepository,
  TeachBacksRepository,
} from './qualifications.repositories';
import { QualificationsService } from './qualifications.service';
import { TeachBacksService } from './teach-backs.service';

export const QUALIFICATION_ENTITIES = [QualificationTrack, Qualification, QualificationReminder, TeachBack];

@Module({
  imports: [
    TypeOrmModule.forFeature(QUALIFICATION_ENTITIES),
    IdentityModule,
    NotificationsModule,
    SessionsModule,
    CertificatesModule,
  ],
  providers: [
    QualificationTracksRepository,
    QualificationsRepository,
    TeachBacksRepository,
    QualificationTracksService,
    QualificationsService,
    TeachBacksService,
  ],
  exports: [QualificationTracksService, QualificationsService, TeachBacksService],
})
export class QualificationsModule {}
