import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AttendanceSummaryView, ListResult, PlanRevisionView, TrainingPlanView } from '@cascade/contracts';
import { Can } from '@cascade/server/core';
import { OrganizationsService, UsersRepository } from '@cascade/server/identity';
import {
  CreatePlanDto,
  PlanCancelDto,
  PlanCommentDto,
  PlanListQuery,
  PlanRequiredCommentDto,
  PlansService,
  renderPlanDocument,
  UpdatePlanDto,
} from '@cascade/server/plans';
import { AttendanceService, SessionsService } from '@cascade/server/sessions';
import { contentDisposition, Reply } from './download';

@ApiTags('training plans')
@ApiBearerAuth()
@Controller('training-plans')
export class TrainingPlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly sessions: SessionsService,
    private readonly attendance: AttendanceService,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersRepository,
  ) {}

  @Get()
  list(@Query() query: PlanListQuery): Promise<ListResult<TrainingPlanView>> {
    return this.plans.list(query);
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<TrainingPlanView> {
    return this.plans.get(id);
  }

  @Can('create', 'TrainingPlan')
  @Post()
  create(@Body() body: CreatePlanDto): Promise<TrainingPlanView> {
    return this.plans.create(body);
  }

  @Can('update', 'TrainingPlan')
  @Patch(':id')
  update(@Param('id') id: string, @Body() body: UpdatePlanDto): Promise<TrainingPlanView> {
    return this.plans.update(id, body);
  }

  @Can('run', 'TrainingPlan')
  @Post(':id/submit')
  @HttpCode(200)
  submit(@Param('id') id: string): Promise<TrainingPlanView> {
    return this.plans.transition(id, 'submit');
  }

  @Can('confirm', 'TrainingPlan')
  @Post(':id/confirm')
  @HttpCode(200)
  confirm(@Param('id') id: string, @Body() body: PlanCommentDto): Promise<TrainingPlanView> {
    return this.plans.transition(id, 'confirm', body.comment);
  }

  @Can('confirm', 'TrainingPlan')
  @Post(':id/return')
  @HttpCode(200)
  return(@Param('id') id: string, @Body() body: PlanRequiredCommentDto): Promise<TrainingPlanView> {
    return this.plans.transition(id, 'return', body.comment);
  }

  @Can('run', 'TrainingPlan')
  @Post(':id/start')
  @HttpCode(200)
  start(@Param('id') id: string): Promise<TrainingPlanView> {
    return this.plans.transition(id, 'start');
  }

  @Can('run', 'TrainingPlan')
  @Post(':id/complete')
  @HttpCode(200)
  complete(@Param('id') id: string): Promise<TrainingPlanView> {
    return this.plans.transition(id, 'complete');
  }

  @Can(['run', 'confirm'], 'TrainingPlan')
  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@Param('id') id: string, @Body() body: PlanCancelDto): Promise<TrainingPlanView> {
    return this.plans.transition(id, 'cancel', body.reason);
  }

  @Can(['update', 'confirm'], 'TrainingPlan')
  @Get(':id/revisions')
  revisions(@Param('id') id: string): Promise<ListResult<PlanRevisionView>> {
    return this.plans.revisions(id);
  }

  @Can('readAttendance', 'Session')
  @Get(':id/attendance-summary')
  attendanceSummary(@Param('id') id: string): Promise<AttendanceSummaryView> {
    return this.attendance.planSummary(id);
  }

  @Can(['update', 'confirm'], 'TrainingPlan')
  @Get(':id/document.pdf')
  async document(@Param('id') id: string, @Res() reply: Reply): Promise<void> {
    const plan = await this.plans.get((await this.plans.findForStaff(id)).id);
    const sessions = await this.sessions.list({ planId: plan.id, page: 1, perPage: 100, sort: 'startsAt' });
    const organization = await this.organizations.get(plan.organizationId);
    const people = [
      ...plan.trainerIds,
      ...plan.targets.map((t) => t.userId),
      ...(plan.confirmedBy ? [plan.confirmedBy] : []),
    ];
    const names = new Map([...(await this.users.namesOf(people)).entries()].map(([key, value]) => [key, value.name]));
    const pdf = await renderPlanDocument({ plan, organizationName: organization.name, names, sessions: sessions.data });
    reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', contentDisposition(`${plan.title}.pdf`, 'inline'))
      .send(pdf);
  }
}
