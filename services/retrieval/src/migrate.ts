import 'reflect-metadata';

import { runMigrateOnly } from '@deskpilot/runtime';

import { retrievalDatabase } from './database/retrieval-database';

runMigrateOnly(retrievalDatabase);
