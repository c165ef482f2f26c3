import 'reflect-metadata';

import { runStandalone } from '@deskpilot/runtime';

import { startLlm } from './index';

runStandalone(() => startLlm({ env: process.env }));
