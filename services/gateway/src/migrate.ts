import 'reflect-metadata';

import { runMigrateOnly } from '@deskpilot/runtime';

import { gatewayDatabase } from './database/gateway-database';

runMigrateOnly(gatewayDatabase);
