/** What both run modes print and do once they are up, and when they cannot start. */
export interface RunningSystem {
  readonly url: string;
  readonly adminLogin: { readonly email: string; readonly password: string } | undefined;
  stop(): Promise<void>;
}

/**
 * Prints the banner (the console address and, on a first start, the generated administrator
 * sign-in, shown this once) and stops the system gracefully on SIGINT or SIGTERM.
 */
export function announce(system: RunningSystem, title: string, details: readonly string[]): void {
  const login = system.adminLogin;
  process.stdout.write(
    [
      '',
      `  ${title}`,
      `  Console:  ${system.url}/`,
      `  API:      ${system.url}/api  (OpenAPI at ${system.url}/api/docs)`,
      ...details,
      ...(login === undefined
        ? []
        : [
            '',
            '  First start: an administrator account was created.',
            `  Sign in:  ${login.email}`,
            `  Password: ${login.password}`,
            '  This password is shown only now: sign in and change it.',
          ]),
      '',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = (): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    system.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

export function failToStart(error: unknown): never {
  process.stderr.write(
    `Deskpilot could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
