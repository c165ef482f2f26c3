import { wordList } from './word-list';

/* What each kind of redaction hid, as a person reads it. */
const REDACTED: Readonly<Record<string, string>> = {
  'private-key': 'a private key',
  'url-credentials': 'credentials in a link',
  'url-token': 'a token in a link',
  jwt: 'an access token',
  'bearer-token': 'an access token',
  'api-key': 'an API key',
  secret: 'a secret',
  password: 'a password',
  'card-number': 'a card number',
  'card-security-code': 'a card security code',
  email: 'an e-mail address',
};

/** What the kinds of redaction hid, each thing once: "a password and an e-mail address". */
export function hiddenFromModel(kinds: readonly string[]): string {
  const hidden = [...new Set(kinds.map((kind) => REDACTED[kind] ?? kind.replaceAll('-', ' ')))];
  return hidden.length > 0 ? wordList(hidden) : 'secrets';
}

/**
 * What the model did not see of a question or ticket ("Hidden from the model: a password and an
 * e-mail address"), so the reader knows the answer could not use it.
 */
export function redactionWarning(kinds: readonly string[]): string {
  return `Hidden from the model: ${hiddenFromModel(kinds)}`;
}
