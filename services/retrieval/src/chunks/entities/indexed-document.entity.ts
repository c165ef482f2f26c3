import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What retrieval knows of a document: which generation is searchable, or that it is gone. */
@Entity({ name: 'documents', schema: 'retrieval' })
export class IndexedDocumentEntity {
  @PrimaryColumn({ name: 'document_id', type: 'uuid' })
  documentId!: string;

  @Column({ name: 'active_generation', type: 'integer', nullable: true })
  activeGeneration!: number | null;

  @Column({ name: 'version', type: 'integer', nullable: true })
  version!: number | null;

  @Column({ name: 'title', type: 'text' })
  title!: string;

  @Column({ name: 'chunk_count', type: 'integer' })
  chunkCount!: number;

  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
