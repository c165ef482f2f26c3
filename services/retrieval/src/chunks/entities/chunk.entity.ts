import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A chunk of one generation of a document; searchable once its generation is `live`. */
@Entity({ name: 'chunks', schema: 'retrieval' })
export class ChunkEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId!: string;

  @Column({ name: 'generation', type: 'integer' })
  generation!: number;

  @Column({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'chunk_index', type: 'integer' })
  chunkIndex!: number;

  @Column({ name: 'document_title', type: 'text' })
  documentTitle!: string;

  @Column({ name: 'heading_path', type: 'jsonb' })
  headingPath!: string[];

  @Column({ name: 'heading_text', type: 'text' })
  headingText!: string;

  @Column({ name: 'text', type: 'text' })
  text!: string;

  @Column({ name: 'token_count', type: 'integer' })
  tokenCount!: number;

  @Column({ name: 'embedding', type: 'bytea' })
  embedding!: Buffer;

  @Column({ name: 'embedder_id', type: 'varchar', length: 200 })
  embedderId!: string;

  @Column({ name: 'dimension', type: 'integer' })
  dimension!: number;

  @Column({ name: 'live', type: 'boolean' })
  live!: boolean;

  @Column({ name: 'change_seq', type: 'bigint' })
  changeSeq!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
