import 'reflect-metadata';

import { runStandalone } from '@deskpilot/runtime';

import { startRetrieval } from './index';

runStandalone(() => startRetrieval({ env: process.env }));
