import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One audited action; rows are only ever inserted (a fact reported twice keeps one row). */
@Entity({ name: 'audit_log' })
export class AuditEntryEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;

  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId!: string | null;

  @Column('varchar', { name: 'actor_email', length: 254, nullable: true })
  actorEmail!: string | null;

  @Column('varchar', { length: 100 })
  action!: string;

  @Column('varchar', { name: 'target_type', length: 50, nullable: true })
  targetType!: string | null;

  @Column('varchar', { name: 'target_id', length: 200, nullable: true })
  targetId!: string | null;

  /** A JSON object describing the change. */
  @Column('jsonb', { default: {} })
  details!: object;

  @Column('varchar', { length: 64, nullable: true })
  ip!: string | null;

  @Column('varchar', { name: 'user_agent', length: 512, nullable: true })
  userAgent!: string | null;

  @Column('varchar', { name: 'correlation_id', length: 128, nullable: true })
  correlationId!: string | null;
}
