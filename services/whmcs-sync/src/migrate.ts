import 'reflect-metadata';

import { runMigrateOnly } from '@deskpilot/runtime';

import { whmcsSyncDatabase } from './database/whmcs-sync-database';

runMigrateOnly(whmcsSyncDatabase);
