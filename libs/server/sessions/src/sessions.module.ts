import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@cascade/server/identity';
import { NotificationsModule } from '@cascade/server/notifications';
import { PlansModule } from '@cascade/server/plans';
import { Attendance } from './attendance.entity';
import { AttendanceService } from './attendance.service';
import { CalendarFeed } from './calendar-feed.entity';
import { CalendarService } from './calendar.service';
import { CheckInFailure } from './check-in-failure.entity';
import { CheckInLimiter } from './check-in-limiter';
import { LeadGate } from './lead-gate';
import { LeadLapseSubscriber } from './lead-lapse.subscriber';
import { SessionEnrollment } from './session-enrollment.entity';
import { SessionNotifyHandler } from './session-notify.handler';
import { SessionTrainer } from './session-trainer.entity';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';
import { TrainingSession } from './training-session.entity';

export const SESSION_ENTITIES = [
  TrainingSession,
  SessionTrainer,
  SessionEnrollment,
  Attendance,
  CalendarFeed,
  CheckInFailure,
];

@Module({
  imports: [TypeOrmModule.forFeature(SESSION_ENTITIES), IdentityModule, PlansModule, NotificationsModule],
  providers: [
    SessionsRepository,
    SessionsService,
    AttendanceService,
    CalendarService,
    SessionNotifyHandler,
    LeadGate,
    CheckInLimiter,
    LeadLapseSubscriber,
  ],
  exports: [SessionsService, AttendanceService, CalendarService, LeadGate],
})
export class SessionsModule {}
