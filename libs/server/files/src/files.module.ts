import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FileReferences } from './file-references';
import { FilesRepository, FilesService } from './files.service';
import { StoredFile } from './stored-file.entity';

@Module({
  imports: [TypeOrmModule.forFeature([StoredFile])],
  providers: [FilesRepository, FilesService, FileReferences],
  exports: [FilesService, FileReferences],
})
export class FilesModule {}
