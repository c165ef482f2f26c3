import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { DocumentStatus, DocumentType, SearchLanguage } from '@deskpilot/contracts';

/**
 * An uploaded document. `version` counts the files (replacements); `generation` counts the
 * ingestion runs (upload, replacement, re-index) and keys the chunk ids of each run.
 */
@Entity({ name: 'documents', schema: 'ingest' })
export class DocumentEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'title', type: 'varchar', length: 300 })
  title!: string;

  /** Chosen by the uploader rather than read from the document. */
  @Column({ name: 'title_given', type: 'boolean' })
  titleGiven!: boolean;

  @Column({ name: 'original_filename', type: 'varchar', length: 500 })
  originalFilename!: string;

  @Column({ name: 'declared_content_type', type: 'varchar', length: 200 })
  declaredContentType!: string;

  @Column({ name: 'detected_type', type: 'varchar', length: 16, nullable: true })
  detectedType!: DocumentType | null;

  @Column({ name: 'size_bytes', type: 'bigint', transformer: { to: String, from: Number } })
  sizeBytes!: number;

  @Column({ name: 'sha256', type: 'char', length: 64 })
  sha256!: string;

  @Column({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'generation', type: 'integer' })
  generation!: number;

  @Column({ name: 'status', type: 'varchar', length: 16 })
  status!: DocumentStatus;

  @Column({ name: 'progress', type: 'smallint' })
  progress!: number;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason!: string | null;

  @Column({ name: 'chunk_count', type: 'integer' })
  chunkCount!: number;

  @Column({ name: 'indexed_version', type: 'integer', nullable: true })
  indexedVersion!: number | null;

  @Column({ name: 'indexed_generation', type: 'integer', nullable: true })
  indexedGeneration!: number | null;

  @Column({ name: 'embedder_id', type: 'varchar', length: 200, nullable: true })
  embedderId!: string | null;

  @Column({ name: 's3_key', type: 'varchar', length: 1024 })
  s3Key!: string;

  /** Originals of replaced versions, deleted once a newer version is indexed. */
  @Column({ name: 'stale_s3_keys', type: 'jsonb' })
  staleS3Keys!: string[];

  /** The web address the current version was fetched from; null for an uploaded file. */
  @Column({ name: 'source_url', type: 'text', nullable: true })
  sourceUrl!: string | null;

  /** When `sourceUrl` was last fetched (to import, refresh or check it). */
  @Column({ name: 'source_checked_at', type: 'timestamptz', nullable: true })
  sourceCheckedAt!: Date | null;

  /** Why the latest fetch of `sourceUrl` failed; null while it answers. */
  @Column({ name: 'source_error', type: 'text', nullable: true })
  sourceError!: string | null;

  /** The first of the fetches of `sourceUrl` that have failed in a row. */
  @Column({ name: 'source_failing_since', type: 'timestamptz', nullable: true })
  sourceFailingSince!: Date | null;

  /** Until when a gateway replica holds `sourceUrl` to fetch it; after that it is due again. */
  @Column({ name: 'source_claimed_until', type: 'timestamptz', nullable: true })
  sourceClaimedUntil!: Date | null;

  /** When an administrator asked to fetch `sourceUrl` again; cleared by the next fetch. */
  @Column({ name: 'source_refresh_requested_at', type: 'timestamptz', nullable: true })
  sourceRefreshRequestedAt!: Date | null;

  @Column({ name: 'source_refresh_requested_by_id', type: 'varchar', length: 200, nullable: true })
  sourceRefreshRequestedById!: string | null;

  @Column({
    name: 'source_refresh_requested_by_name',
    type: 'varchar',
    length: 200,
    nullable: true,
  })
  sourceRefreshRequestedByName!: string | null;

  /** Set by an administrator; null: told from the document's opening at each ingestion. */
  @Column({ name: 'language', type: 'varchar', length: 16, nullable: true })
  language!: SearchLanguage | null;

  @Column({ name: 'uploaded_by_id', type: 'varchar', length: 200 })
  uploadedById!: string;

  @Column({ name: 'uploaded_by_name', type: 'varchar', length: 200 })
  uploadedByName!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'indexed_at', type: 'timestamptz', nullable: true })
  indexedAt!: Date | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}
