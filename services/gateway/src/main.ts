import 'reflect-metadata';

import { runStandalone } from '@deskpilot/runtime';

import { startGateway } from './index';

runStandalone(() => startGateway({ env: process.env }));
