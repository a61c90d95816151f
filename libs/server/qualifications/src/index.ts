export * from './qualification-evaluation';
export * from './qualification-tracks.service';
export * from './qualification.entities';
export * from './qualifications.dto';
export * from './qualifications.module';
export * from './qualifications.service';
export * from './teach-backs.service';
