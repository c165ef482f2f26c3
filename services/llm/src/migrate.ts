import 'reflect-metadata';

import { runMigrateOnly } from '@deskpilot/runtime';

import { llmDatabase } from './database/llm-database';

runMigrateOnly(llmDatabase);
