import 'reflect-metadata';

import { announce, failToStart } from './cli';
import { startEmbeddedSystem } from './embedded/embedded-system';

const started = Date.now();

startEmbeddedSystem(process.env).then((system) => {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  announce(system, `Deskpilot is running (embedded mode, ready in ${seconds} s)`, [
    `  Health:   ${system.url}/api/health`,
  ]);
}, failToStart);
