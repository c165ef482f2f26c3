import 'reflect-metadata';

import { runStandalone } from '@deskpilot/runtime';

import { startWhmcsSync } from './index';

runStandalone(() => startWhmcsSync({ env: process.env }));
