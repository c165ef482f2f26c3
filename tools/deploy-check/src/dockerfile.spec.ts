import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { PRODUCT_VERSION, SERVICE_NAMES } from '@deskpilot/contracts';

import { healthPath } from './deployment';
import { lintDockerfile, parseDockerfile } from './dockerfile';
import { readServiceEnvironment } from './service-environment';
import { listWorkspaceDirs, readWorkspaceFile, workspaceRoot } from './workspace';

const root = workspaceRoot();
const content = readWorkspaceFile(root, 'Dockerfile');
const sut = parseDockerfile(content);

function pinned(image: string): boolean {
  const tag = image.split('/').pop()?.split(':')[1];
  return tag !== undefined && tag !== 'latest' && /\d/.test(tag);
}

describe('Dockerfile', () => {
  it('should have no syntax or argument errors when linted', () => {
    expect(lintDockerfile(content)).toEqual([]);
  });

  it('should start only from pinned images when built', () => {
    expect(sut.baseImages.length).toBeGreaterThan(0);
    expect(sut.baseImages.filter((image) => !pinned(image))).toEqual([]);
  });

  it('should build every service and the console with Nx when the build stage runs', () => {
    const build = sut.stage('build')?.runs.join('\n') ?? '';

    expect(build).toMatch(/npx nx run-many -t build -p \S+/);
    const projects = /-p (\S+)/.exec(build)?.[1]?.split(',') ?? [];
    expect(projects.sort()).toEqual([...SERVICE_NAMES, 'frontend'].sort());
  });

  it('should install production dependencies from the lockfile when building the runtime', () => {
    const runtime = sut.stage('runtime');
    const nodeModules = runtime?.copiesFrom.find((copy) => copy.endsWith(':/app/node_modules'));
    const source = sut.stage(nodeModules?.split(':')[0] ?? '');

    expect(source?.runs.join('\n')).toContain('npm ci --omit=dev');
    expect(runtime?.from).toBe(sut.baseImages[0]);
  });

  it('should find every workspace in the lockfile, or npm ci in the image refuses to install', () => {
    const manifest = JSON.parse(readWorkspaceFile(root, 'package.json')) as {
      workspaces: string[];
    };
    const lock = JSON.parse(readWorkspaceFile(root, 'package-lock.json')) as {
      packages: Record<string, { name?: string }>;
    };
    const workspaces = manifest.workspaces.flatMap((pattern) =>
      pattern.endsWith('/*')
        ? listWorkspaceDirs(root, pattern.slice(0, -2)).map(
            (dir) => `${pattern.slice(0, -2)}/${dir}`,
          )
        : [pattern],
    );
    const missing = workspaces
      .filter((dir) => existsSync(join(root, dir, 'package.json')))
      .filter((dir) => lock.packages[dir] === undefined);

    expect(missing).toEqual([]);
  });

  it('should carry the built console in the gateway image when CONSOLE_DIR points at it', () => {
    const gateway = sut.stage('gateway');

    expect(gateway?.env['CONSOLE_DIR']).toBe('/app/console');
    expect(gateway?.copiesFrom).toContain('build:/app/frontend/dist/browser');
  });

  describe.each(SERVICE_NAMES)('%s', (service) => {
    const stage = sut.stage(service);
    const code = readServiceEnvironment(root, service, (path) => jest.requireActual(path));

    it('should have a final stage of its own', () => {
      expect(stage?.parent?.name).toBe('runtime');
    });

    it('should run as a non-root user', () => {
      expect(stage?.user).toBeDefined();
      expect(['root', '0']).not.toContain(stage?.user?.split(':')[0]);
    });

    it('should exec node on its entry point without a shell', () => {
      expect(stage?.cmd).toEqual(['node', `services/${service}/dist/main.js`]);
    });

    it('should expose the port its config defaults to', () => {
      expect(code.defaultPort).toBeDefined();
      expect(stage?.env['PORT']).toBe(String(code.defaultPort));
      expect(stage?.expose).toEqual([String(code.defaultPort)]);
    });

    it('should check its health endpoint on its own port', () => {
      const command = stage?.healthcheck?.command ?? [];

      expect(command.slice(0, 2)).toEqual(['node', '-e']);
      expect(command[2]).toContain(`'http://127.0.0.1:'+process.env.PORT+'${healthPath(service)}'`);
      expect(Object.keys(stage?.healthcheck?.flags ?? {})).toContain('interval');
    });

    it('should copy only its own service build', () => {
      const services = stage?.copiesFrom.filter((copy) => copy.includes('/out/services/')) ?? [];

      expect(services).toEqual([`build:/out/services/${service}`]);
    });
  });

  it('should tag images with the product version in its usage notes', () => {
    expect(content).toContain(`deskpilot/gateway:${PRODUCT_VERSION}`);
  });
});

describe(lintDockerfile.name, () => {
  it('should report each problem when instructions are invalid', () => {
    expect(
      lintDockerfile('FROM node:22\nRUNN echo\nHEALTHCHECK --interval=soon CMD true\n'),
    ).toEqual(['line 2: Unknown instruction: RUNN', 'line 3: time: invalid duration soon']);
  });
});

describe(parseDockerfile.name, () => {
  it('should inherit env, user and command when a stage starts from another', () => {
    const model = parseDockerfile(
      'ARG IMAGE=node:22.1.0-slim\nFROM ${IMAGE} AS base\nENV A=1\nUSER node\nCMD ["node"]\n' +
        'FROM base AS app\nENV B=2\n',
    );

    expect(model.baseImages).toEqual(['node:22.1.0-slim']);
    expect(model.stage('app')).toMatchObject({
      env: { A: '1', B: '2' },
      user: 'node',
      cmd: ['node'],
    });
  });
});
