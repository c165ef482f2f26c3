import { phpIntval, phpTruthy } from './php-values';

/** The merged `$_GET` + `$_POST` variables of one request, read the way PHP handlers read them. */
export class RequestParams {
  constructor(private readonly values: ReadonlyMap<string, string>) {}

  has(name: string): boolean {
    return this.values.has(name);
  }

  /** The raw value, `undefined` when the variable was not sent. */
  raw(name: string): string | undefined {
    return this.values.get(name);
  }

  /** The value trimmed, `""` when missing (WHMCS trims most inputs). */
  text(name: string): string {
    return (this.values.get(name) ?? '').trim();
  }

  int(name: string): number {
    return phpIntval(this.values.get(name));
  }

  flag(name: string): boolean {
    return phpTruthy(this.values.get(name));
  }

  entries(): [string, string][] {
    return [...this.values.entries()];
  }
}
