export * from './exam.dto';
export * from './exam.entity';
export * from './exams.module';
export * from './exams.service';
