import { join } from 'node:path';

/** The compiled command line, for callers that run the simulator in a process of its own. */
export const SIMULATOR_CLI = join(__dirname, 'main.js');
