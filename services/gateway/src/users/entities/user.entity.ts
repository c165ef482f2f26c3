import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { Role } from '@deskpilot/contracts';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Stored lower-case; a unique index on lower(email) keeps it unique case-insensitively. */
  @Column('varchar', { length: 254 })
  email!: string;

  @Column('varchar', { length: 200 })
  name!: string;

  @Column('varchar', { length: 16 })
  role!: Role;

  @Column('varchar', { name: 'password_hash', length: 100 })
  passwordHash!: string;

  @Column('boolean', { default: false })
  disabled!: boolean;

  @Column('integer', { name: 'failed_login_count', default: 0 })
  failedLoginCount!: number;

  @Column('timestamptz', { name: 'locked_until', nullable: true })
  lockedUntil!: Date | null;

  @Column('timestamptz', { name: 'last_login_at', nullable: true })
  lastLoginAt!: Date | null;

  @Column('timestamptz', { name: 'password_changed_at' })
  passwordChangedAt!: Date;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
