import { CertificateKind } from '@cascade/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A certificate as issued. The holder's name and the title are copied at issue so the
 * certificate keeps saying what was certified even if the user or the track is renamed.
 */
@Entity('certificate')
@Index('certificate_source_uq', ['kind', 'sourceId', 'achievedAt'], { unique: true })
@Index('certificate_user_idx', ['userId'])
@Index('certificate_org_idx', ['organizationId', 'issuedAt'])
export class Certificate {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  kind!: CertificateKind;

  @Column('uuid')
  sourceId!: string;

  @Column('uuid')
  userId!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('text')
  holderName!: string;

  @Column('text')
  title!: string;

  /** Random, URL-safe, 144 bits: the only key of the public verification page. */
  @Column('text', { unique: true })
  code!: string;

  @Column('timestamptz')
  achievedAt!: Date;

  @Column('timestamptz', { nullable: true })
  expiresAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  issuedAt!: Date;

  @Column('timestamptz', { nullable: true })
  revokedAt!: Date | null;

  @Column('text', { nullable: true })
  revokeReason!: string | null;
}
