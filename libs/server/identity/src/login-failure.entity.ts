import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Failed logins, counted per account and per address to throttle guessing. */
@Entity('login_failure')
@Index('login_failure_email_idx', ['email', 'createdAt'])
@Index('login_failure_ip_idx', ['ip', 'createdAt'])
export class LoginFailure {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  email!: string;

  @Column('text')
  ip!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
