import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An uploaded file (training material, scenario attachment), kept in PostgreSQL with everything else. */
@Entity('stored_file')
@Index('stored_file_org_idx', ['organizationId'])
export class StoredFile {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('text')
  name!: string;

  @Column('text')
  contentType!: string;

  @Column('int')
  size!: number;

  @Column('bytea', { select: false })
  content!: Buffer;

  @Column('uuid', { nullable: true })
  uploadedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
