import 'reflect-metadata';

import { runStandalone } from '@deskpilot/runtime';

import { startIngest } from './index';

runStandalone(() => startIngest({ env: process.env }));
