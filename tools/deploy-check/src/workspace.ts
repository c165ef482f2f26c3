import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root: the nearest folder above this file that holds nx.json. */
export function workspaceRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`No nx.json above ${from}`);
    }
    dir = parent;
  }
  return dir;
}

export function readWorkspaceFile(root: string, path: string): string {
  return readFileSync(join(root, path), 'utf8');
}

/** File names in a workspace folder that end with the given suffix, sorted. */
export function listWorkspaceFiles(root: string, folder: string, suffix: string): string[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir)
    .filter((name) => name.endsWith(suffix))
    .sort();
}

/** Sub-folder names of a workspace folder, sorted. */
export function listWorkspaceDirs(root: string, folder: string): string[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}
