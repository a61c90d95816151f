export * from './exam.dto';
export * from './exam.entity';
export * from './exams.module';
export * from './exams.service';
export * from './attempt-item.entity';
export * from './attempt.dto';
export * from './attempt.entity';
export * from './attempts.service';
