/** PHP truthiness of a request variable: only a missing value, `""` and `"0"` are false. */
export function phpTruthy(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0';
}

/** PHP `(int)` of a request variable: leading digits count, anything else is 0. */
export function phpIntval(value: string | undefined): number {
  if (value === undefined) {
    return 0;
  }
  const match = /^\s*([+-]?\d+)/.exec(value);
  return match?.[1] === undefined ? 0 : Number.parseInt(match[1], 10);
}

/** WHMCS resolves actions lower-cased with non-alphanumerics stripped. */
export function normaliseActionName(action: string): string {
  return action.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const SPECIAL_CHARS: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&#039;',
  '<': '&lt;',
  '>': '&gt;',
};

/** PHP 8 `htmlspecialchars()` with its default ENT_QUOTES flags, as email piping applies it. */
export function htmlspecialchars(text: string): string {
  return text.replace(/[&"'<>]/g, (char) => SPECIAL_CHARS[char] ?? char);
}

/** PHP turns dots and spaces in request variable names into underscores. */
export function phpVariableName(name: string): string {
  return name.replace(/[. ]/g, '_');
}
