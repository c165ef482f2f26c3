import 'reflect-metadata';

import { runMigrateOnly } from '@deskpilot/runtime';

import { ingestDatabase } from './database/ingest-database';

runMigrateOnly(ingestDatabase);
