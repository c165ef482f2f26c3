/** One `${NAME...}` reference in a compose value. */
export interface Interpolation {
  readonly name: string;
  /** `:?` and `?` make the variable required; `:-`, `-`, `:+`, `+` give a default or alternative. */
  readonly operator: '' | ':-' | '-' | ':?' | '?' | ':+' | '+';
  readonly argument: string;
}

export interface InterpolationScan {
  readonly references: readonly Interpolation[];
  /** Parts of the value that compose would reject or misread. */
  readonly errors: readonly string[];
}

const BRACED = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:-|-|:\?|\?|:\+|\+)([^}]*))?\}/;
const BARE = /^\$([A-Za-z_][A-Za-z0-9_]*)/;

/**
 * Reads the variable references of a compose value the way compose interpolates it: `$$` is a
 * literal dollar, `${NAME}`, `${NAME:-default}`, `${NAME:?message}` (and their variants) and
 * `$NAME` are references, and anything else after a `$` is an error.
 */
export function scanInterpolation(value: string): InterpolationScan {
  const references: Interpolation[] = [];
  const errors: string[] = [];
  for (let i = value.indexOf('$'); i !== -1; i = value.indexOf('$', i)) {
    const rest = value.slice(i);
    if (rest.startsWith('$$')) {
      i += 2;
      continue;
    }
    const braced = BRACED.exec(rest);
    if (braced !== null) {
      const [match, name = '', operator = '', argument = ''] = braced;
      references.push({ name, operator: operator as Interpolation['operator'], argument });
      i += match.length;
      continue;
    }
    const bare = BARE.exec(rest);
    if (bare !== null) {
      const [match, name = ''] = bare;
      references.push({ name, operator: '', argument: '' });
      i += match.length;
      continue;
    }
    errors.push(`invalid interpolation at "${rest.slice(0, 20)}"`);
    i += 1;
  }
  return { references, errors };
}
