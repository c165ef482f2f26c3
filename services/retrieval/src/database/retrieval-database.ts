import type { MigrationTarget } from '@deskpilot/runtime';

import { ChunkEntity } from '../chunks/entities/chunk.entity';
import { IndexedDocumentEntity } from '../chunks/entities/indexed-document.entity';
import { CreateChunkIndex1796000000000 } from './migrations/1796000000000-CreateChunkIndex';
import { DropLexemeStatistics1796200000000 } from './migrations/1796200000000-DropLexemeStatistics';
import { ChunkLanguage1797500000000 } from './migrations/1797500000000-ChunkLanguage';
import { DetectChunkLanguage1797510000000 } from './migrations/1797510000000-DetectChunkLanguage';
import { DetectFurtherChunkLanguages1797520000000 } from './migrations/1797520000000-DetectFurtherChunkLanguages';

/** The retrieval schema: chunks with their full-text vectors and embeddings. */
export const retrievalDatabase: MigrationTarget = {
  service: 'retrieval',
  schema: 'retrieval',
  entities: [ChunkEntity, IndexedDocumentEntity],
  migrations: [
    CreateChunkIndex1796000000000,
    DropLexemeStatistics1796200000000,
    ChunkLanguage1797500000000,
    DetectChunkLanguage1797510000000,
    DetectFurtherChunkLanguages1797520000000,
  ],
};
