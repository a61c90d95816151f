import { Body, Controller, Get, Param, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { FileInterceptor, UploadedMultipartFile } from '@nestjs/platform-fastify/multipart';
import { StoredFileView } from '@cascade/contracts';
import { InputError, Can } from '@cascade/server/core';
import { FilesService, MAX_FILE_BYTES, servedContentType } from '@cascade/server/files';
import { IsUUID } from 'class-validator';
import { contentDisposition, Reply } from './download';

class UploadForm {
  @IsUUID()
  organizationId!: string;
}

@ApiTags('files')
@ApiBearerAuth()
@Controller('files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Can('create', 'File')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { organizationId: { type: 'string' }, file: { type: 'string', format: 'binary' } },
    },
  })
  @Post()
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5 } }))
  upload(@Body() form: UploadForm, @UploadedFile() file: UploadedMultipartFile | undefined): Promise<StoredFileView> {
    if (!file?.buffer) throw new InputError('file', 'is required');
    return this.files.upload(form.organizationId, file.originalname ?? 'file', file.buffer);
  }

  @Get(':id')
  async download(@Param('id') id: string, @Res() reply: Reply): Promise<void> {
    const file = await this.files.download(id);
    // Always a download, never a page: should a browser render it anyway, it gets no script and no origin.
    reply
      .header('content-type', servedContentType(file.contentType))
      .header('content-disposition', contentDisposition(file.name))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(file.content);
  }
}
