import { PasswordLinkPurpose } from '@cascade/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A one-time link to set a password (a reset or an invitation). Only a SHA-256 of its secret
 * is kept; it is minted when its email goes out, so the secret exists nowhere but in that email.
 */
@Entity('password_token')
@Index('password_token_user_idx', ['userId'])
export class PasswordToken {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  userId!: string;

  @Column('text')
  purpose!: PasswordLinkPurpose;

  @Column('text', { unique: true })
  tokenHash!: string;

  /** The request the link answers (a job id, or `invitation:<user>`): one email per request. */
  @Column('text', { unique: true })
  requestKey!: string;

  @Column('timestamptz')
  expiresAt!: Date;

  @Column('timestamptz', { nullable: true })
  sentAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
