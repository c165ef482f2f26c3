import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const LAUNCHER = join(__dirname, '..', '..', '..', 'launcher', 'dist', 'embedded.js');

export interface EmbeddedProcess {
  readonly url: string;
  output(): string;
  stop(): Promise<number | null>;
}

/**
 * `npm start` as a user runs it (the built launcher, in its own process), with the given
 * environment. Resolves with the console URL it prints.
 */
export async function startEmbeddedProcess(
  env: Record<string, string>,
  timeoutMs: number,
): Promise<EmbeddedProcess> {
  const child = spawn(process.execPath, [LAUNCHER], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      resolve(code);
    });
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`Deskpilot did not start within ${timeoutMs} ms:\n${text}`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      text += chunk.toString();
      const match = /Console:\s+(http:\/\/\S+?)\/?\s/.exec(text);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Deskpilot exited with ${code} before it was ready:\n${text}`));
    });
  });
  return {
    url,
    output: () => text,
    stop: () => stopChild(child, exited),
  };
}

function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<number | null> {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
  }
  return exited;
}
