import type { MigrationTarget } from '@deskpilot/runtime';

import { DocumentEntity } from '../documents/entities/document.entity';
import { CreateDocuments1796000100000 } from './migrations/1796000100000-CreateDocuments';
import { DocumentSourceUrl1796900000000 } from './migrations/1796900000000-DocumentSourceUrl';
import { DocumentSourceChecked1797000000000 } from './migrations/1797000000000-DocumentSourceChecked';
import { DocumentSourceError1797100000000 } from './migrations/1797100000000-DocumentSourceError';
import { DocumentSourceLease1797200000000 } from './migrations/1797200000000-DocumentSourceLease';
import { DocumentLanguage1797600000000 } from './migrations/1797600000000-DocumentLanguage';

/** The ingest schema: document records. */
export const ingestDatabase: MigrationTarget = {
  service: 'ingest',
  schema: 'ingest',
  entities: [DocumentEntity],
  migrations: [
    CreateDocuments1796000100000,
    DocumentSourceUrl1796900000000,
    DocumentSourceChecked1797000000000,
    DocumentSourceError1797100000000,
    DocumentSourceLease1797200000000,
    DocumentLanguage1797600000000,
  ],
};
