import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Document records: the uploaded original in S3, its versions and the state of ingestion. */
export class CreateDocuments1796000100000 implements MigrationInterface {
  name = 'CreateDocuments1796000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "ingest"."documents" (
        "id" uuid PRIMARY KEY,
        "title" varchar(300) NOT NULL,
        "title_given" boolean NOT NULL,
        "original_filename" varchar(500) NOT NULL,
        "declared_content_type" varchar(200) NOT NULL,
        "detected_type" varchar(16) NULL,
        "size_bytes" bigint NOT NULL,
        "sha256" char(64) NOT NULL,
        "version" integer NOT NULL,
        "generation" integer NOT NULL,
        "status" varchar(16) NOT NULL CONSTRAINT "documents_status_check"
          CHECK ("status" IN ('uploaded', 'extracting', 'embedding', 'indexed', 'failed')),
        "progress" smallint NOT NULL DEFAULT 0,
        "failure_reason" text NULL,
        "chunk_count" integer NOT NULL DEFAULT 0,
        "indexed_version" integer NULL,
        "indexed_generation" integer NULL,
        "embedder_id" varchar(200) NULL,
        "s3_key" varchar(1024) NOT NULL,
        "stale_s3_keys" jsonb NOT NULL DEFAULT '[]',
        "uploaded_by_id" varchar(200) NOT NULL,
        "uploaded_by_name" varchar(200) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "indexed_at" timestamptz NULL,
        "deleted_at" timestamptz NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "documents_sha256_key" ON "ingest"."documents" ("sha256") WHERE "deleted_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "documents_created_idx" ON "ingest"."documents" ("created_at" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "documents_in_progress_idx" ON "ingest"."documents" ("updated_at")
       WHERE "status" IN ('uploaded', 'extracting', 'embedding') AND "deleted_at" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "ingest"."documents"`);
  }
}
