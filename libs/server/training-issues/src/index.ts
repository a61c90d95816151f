export * from './training-issue.dto';
export * from './training-issue.entity';
export * from './training-issues.module';
export * from './training-issues.service';
