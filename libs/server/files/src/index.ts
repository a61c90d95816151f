export * from './files.module';
export * from './files.service';
export * from './stored-file.entity';
export * from './file-references';
export * from './file-content-type';
export * from './files.errors';
