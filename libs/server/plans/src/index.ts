export * from './plan-document';
export * from './plan-module.entity';
export * from './plan-revision.entity';
export * from './plan-target.entity';
export * from './plan.dto';
export * from './plans.module';
export * from './plans.service';
export * from './training-plan.entity';
