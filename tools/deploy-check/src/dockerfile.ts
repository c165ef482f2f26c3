import type { Instruction } from 'dockerfile-ast';
import { Copy, DockerfileParser, Env, Healthcheck } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';

export interface HealthCheck {
  readonly flags: Readonly<Record<string, string>>;
  /** The exec-form command (CMD ["..."]); undefined when written in shell form. */
  readonly command: readonly string[] | undefined;
}

/** One build stage, with what it inherits from the stage it starts FROM. */
export interface Stage {
  readonly name: string | undefined;
  /** The base image (global ARG defaults resolved) or the parent stage's name. */
  readonly from: string;
  readonly parent: Stage | undefined;
  readonly env: Readonly<Record<string, string>>;
  readonly user: string | undefined;
  readonly expose: readonly string[];
  readonly healthcheck: HealthCheck | undefined;
  readonly cmd: readonly string[] | undefined;
  /** Sources copied from other stages, as `stage:path`. */
  readonly copiesFrom: readonly string[];
  readonly runs: readonly string[];
}

export interface DockerfileModel {
  readonly stages: readonly Stage[];
  stage(name: string): Stage | undefined;
  /** External images the build starts from (stage references excluded). */
  readonly baseImages: readonly string[];
}

function execForm(content: string): readonly string[] | undefined {
  const trimmed = content.trim();
  if (!trimmed.startsWith('[')) {
    return undefined;
  }
  const parsed: unknown = JSON.parse(trimmed);
  return Array.isArray(parsed) ? parsed.map(String) : undefined;
}

function resolveArgs(value: string, args: Readonly<Record<string, string>>): string {
  return value.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (match, name: string) => {
    return args[name] ?? match;
  });
}

function ownedBy(instruction: Instruction, start: number, end: number): boolean {
  const line = instruction.getRange().start.line;
  return line > start && line < end;
}

/** Reads a Dockerfile into its stages, resolving what each stage inherits from its parent. */
export function parseDockerfile(content: string): DockerfileModel {
  const dockerfile = DockerfileParser.parse(content);
  const globalArgs: Record<string, string> = {};
  for (const arg of dockerfile.getInitialARGs()) {
    const property = arg.getProperty();
    if (property !== null) {
      globalArgs[property.getName()] = property.getValue() ?? '';
    }
  }
  const froms = dockerfile.getFROMs();
  const instructions = dockerfile.getInstructions();
  const stages: Stage[] = [];
  froms.forEach((from, index) => {
    const start = from.getRange().start.line;
    const end = froms[index + 1]?.getRange().start.line ?? Number.MAX_SAFE_INTEGER;
    const own = instructions.filter((instruction) => ownedBy(instruction, start, end));
    const image = resolveArgs(from.getImage() ?? '', globalArgs);
    const parent = stages.find((stage) => stage.name === image);
    const env: Record<string, string> = { ...parent?.env };
    let user = parent?.user;
    let expose = parent?.expose ?? [];
    let healthcheck = parent?.healthcheck;
    let cmd = parent?.cmd;
    const copiesFrom: string[] = [];
    const runs: string[] = [];
    for (const instruction of own) {
      const args = instruction.getArgumentsContent() ?? '';
      if (instruction instanceof Env) {
        for (const property of instruction.getProperties()) {
          env[property.getName()] = property.getValue() ?? '';
        }
        continue;
      }
      if (instruction instanceof Copy) {
        const source = instruction.getFlags().find((flag) => flag.getName() === 'from');
        const [path] = instruction.getArguments().map((argument) => argument.getValue());
        if (source !== undefined && path !== undefined) {
          copiesFrom.push(`${source.getValue() ?? ''}:${path}`);
        }
        continue;
      }
      if (instruction instanceof Healthcheck) {
        const flags = Object.fromEntries(
          instruction.getFlags().map((flag) => [flag.getName(), flag.getValue() ?? '']),
        );
        healthcheck = { flags, command: execForm(args.replace(/^CMD\s+/, '')) };
        continue;
      }
      switch (instruction.getKeyword()) {
        case 'USER':
          user = args.trim();
          break;
        case 'EXPOSE':
          expose = args.split(/\s+/).filter((port) => port.length > 0);
          break;
        case 'CMD':
          cmd = execForm(args);
          break;
        case 'RUN':
          runs.push(args);
          break;
        default:
          break;
      }
    }
    stages.push({
      name: from.getBuildStage() ?? undefined,
      from: image,
      parent,
      env,
      user,
      expose,
      healthcheck,
      cmd,
      copiesFrom,
      runs,
    });
  });
  return {
    stages,
    stage: (name) => stages.find((stage) => stage.name === name),
    baseImages: stages.filter((stage) => stage.parent === undefined).map((stage) => stage.from),
  };
}

/** Syntax and argument errors, as the Dockerfile language server's validator reports them. */
export function lintDockerfile(content: string): string[] {
  return validate(content).map((diagnostic) => {
    const message =
      typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
    return `line ${diagnostic.range.start.line + 1}: ${message}`;
  });
}
