import { Audited } from '@cascade/server/core';
import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Organization } from './organization.entity';
import { User } from './user.entity';

/** A vendor trainer serving a client organization, which makes that client's data visible to them. */
@Audited()
@Entity('trainer_assignment')
export class TrainerAssignment {
  @PrimaryColumn('uuid')
  trainerId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'trainer_id' })
  trainer?: Relation<User>;

  @PrimaryColumn('uuid')
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
