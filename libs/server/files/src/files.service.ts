import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { StoredFileView } from '@cascade/contracts';
import {
  currentActor,
  InputError,
  may,
  NotFoundError,
  RequestContext,
  ScopedRepository,
  ScopeRules,
  visibleOrganizationIds,
} from '@cascade/server/core';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { detectFileType } from './file-content-type';
import { FileReferences } from './file-references';
import { fileTypeNotAllowed } from './files.errors';
import { StoredFile } from './stored-file.entity';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

@Injectable()
export class FilesRepository extends ScopedRepository<StoredFile> {
  protected readonly alias = 'file';
  protected readonly entityName = 'File';
  protected readonly scope: ScopeRules = { organizationColumn: 'organizationId' };

  constructor(@InjectRepository(StoredFile) repository: Repository<StoredFile>) {
    super(repository);
  }

  async findWithContent(id: string): Promise<StoredFile> {
    const file = await this.findVisible(id);
    const row = await this.repository.findOne({ where: { id: file.id }, select: { id: true, content: true } });
    return { ...file, content: row!.content };
  }
}

@Injectable()
export class FilesService {
  constructor(
    private readonly files: FilesRepository,
    private readonly references: FileReferences,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Stores the file under the type its content shows; whatever type the client claimed is ignored. */
  async upload(organizationId: string, name: string, content: Buffer): Promise<StoredFileView> {
    const visible = visibleOrganizationIds();
    if (visible && !visible.includes(organizationId)) throw new NotFoundError('Organization');
    if (content.length === 0) throw new InputError('file', 'is empty');
    if (content.length > MAX_FILE_BYTES)
      throw new InputError('file', `must be at most ${MAX_FILE_BYTES / 1024 / 1024} MiB`);
    const contentType = await detectFileType(content);
    if (!contentType) throw fileTypeNotAllowed();
    const safeName =
      [...name]
        .map((c) => (c < ' ' || c === '/' || c === '\\' ? '_' : c))
        .join('')
        .slice(0, 200) || 'file';
    const file = await this.dataSource.getRepository(StoredFile).save({
      organizationId,
      name: safeName,
      contentType,
      size: content.length,
      content,
      uploadedBy: currentActor().userId,
    });
    return toView(file);
  }

  async get(id: string): Promise<StoredFileView> {
    return toView(await this.readable(await this.files.findVisible(id)));
  }

  async download(id: string): Promise<StoredFile> {
    return this.readable(await this.files.findWithContent(id));
  }

  /** Its uploader, whoever may read every file of its organization, or a reader of a record it is attached to. */
  private async readable<T extends StoredFile>(file: T): Promise<T> {
    if (RequestContext.isSystem() || may('read', 'File', file) || (await this.references.readable(file.id)))
      return file;
    throw new NotFoundError('File');
  }

  /** Files exist and belong to the organization; used to validate references to uploads. */
  async assertOwned(
    organizationId: string,
    ids: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    if (ids.length === 0) return true;
    const count = await manager
      .getRepository(StoredFile)
      .createQueryBuilder('f')
      .where('f.id IN (:...ids) AND f.organization_id = :organizationId', { ids, organizationId })
      .getCount();
    return count === new Set(ids).size;
  }

  /** Copies of the files owned by another organization (a template's attachments for a client), new ids in the same order. */
  async copyToOrganization(ids: string[], organizationId: string, manager: EntityManager): Promise<string[]> {
    const copies: string[] = [];
    for (const id of ids) {
      const rows: { id: string }[] = await manager.query(
        `INSERT INTO stored_file (organization_id, name, content_type, size, content, uploaded_by)
         SELECT $2, name, content_type, size, content, $3 FROM stored_file WHERE id = $1 RETURNING id`,
        [id, organizationId, currentActor().userId],
      );
      copies.push(...rows.map((row) => row.id));
    }
    return copies;
  }
}

function toView(file: StoredFile): StoredFileView {
  return {
    id: file.id,
    name: file.name,
    contentType: file.contentType,
    size: file.size,
    createdAt: file.createdAt.toISOString(),
  };
}
