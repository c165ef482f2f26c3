import cardValidator from 'card-validator';

export type RedactionKind =
  | 'private-key'
  | 'url-credentials'
  | 'url-token'
  | 'jwt'
  | 'bearer-token'
  | 'api-key'
  | 'secret'
  | 'password'
  | 'card-number'
  | 'card-security-code'
  | 'email';

/**
 * One kind of secret. `pattern` is global; the capture group `secret` holds the part to hide
 * (the whole match without it), so labels such as `password:` stay and the model still knows
 * that a password was given.
 */
export interface RedactionRule {
  readonly kind: RedactionKind;
  readonly pattern: RegExp;
  /**
   * Rejects look-alikes, e.g. digit runs that are not card numbers; gets the match's named
   * groups too.
   */
  readonly accept?: (secret: string, groups: MatchGroups) => boolean;
}

export type MatchGroups = Readonly<Record<string, string | undefined>>;

/** Not followed by a placeholder already put in by an earlier rule. */
const FRESH = '(?!\\[REDACTED)';
/** What a password belongs to, between the label and the value: " for the server". */
const WHOSE = '(?:\\s+(?:for|of|on|to)\\s+(?:(?:the|my|your|our|this|his|her)\\s+)?[\\w.@-]+)?';
/*
 * Between the label and the value: `=` or `:` (also "is:", "is as follows:"), or the sentence
 * form "is" / "was" (group `sentence`), where the words that lead to a value ("is now", "was
 * changed to") are passed over.
 */
const SEPARATOR =
  '(?:\\s*[:=]|\\s+(?:is|was)(?:\\s+(?:as\\s+follows|the\\s+following|below))?\\s*[:=]|' +
  '\\s+(?<sentence>is|was)\\s+(?:(?:now|still|also|just|currently|temporarily|(?:set|changed|reset|updated)\\s+to)\\s+)?)' +
  '\\s*["\'`]?';

function labelled(labels: string, value: string): RegExp {
  return new RegExp(`\\b(?:${labels})${SEPARATOR}${FRESH}(?<secret>${value})`, 'giu');
}

/*
 * Words that say something about a password or a key where the sentence form could put its
 * value: "my password is not working", "the password is incorrect", "the key is the one you
 * sent". Grouped by what they are, not drawn from particular tickets.
 */
const DESCRIPTIONS = new Set(
  [
    // negations and adverbs
    'not never nowhere really actually apparently certainly definitely probably possibly surely',
    'clearly obviously simply suddenly exactly supposedly correctly properly somehow usually',
    'sometimes always already again even only too very quite pretty rather indeed fine',
    // determiners, pronouns, conjunctions, prepositions
    'the and any all some this that these those same one mine yours ours theirs his her its',
    'your our their what which something nothing whatever each both either neither another',
    'other for from with without into because since but then there here above under over',
    // states of a password or a key
    'wrong right correct incorrect invalid valid expired locked blocked disabled enabled',
    'rejected refused denied declined accepted required needed missing empty blank lost',
    'forgotten compromised hacked leaked stolen changed reset updated saved stored set sent',
    'shown displayed visible hidden known unknown weak strong long short new old good bad okay',
    'secure insecure temporary generated random different identical unchanged broken',
    'mismatched case-sensitive sensitive working failing being been getting going showing',
    'saying supposed meant like listed mentioned written included given provided attached',
  ].flatMap((line) => line.split(' ')),
);

/** Whether a value found by the sentence form is a word about the secret rather than it. */
function describesSecret(value: string): boolean {
  return DESCRIPTIONS.has(value.replace(/[.!?:)]+$/u, '').toLowerCase());
}

function notADescription(secret: string, groups: MatchGroups): boolean {
  return groups['sentence'] === undefined || !describesSecret(secret);
}

function isCardNumber(candidate: string): boolean {
  const digits = candidate.replace(/[ -]/g, '');
  return digits.length >= 13 && digits.length <= 19 && cardValidator.number(digits).isValid;
}

/** In order: multi-line and structured secrets first, then labelled values, then loose patterns. */
export const REDACTION_RULES: readonly RedactionRule[] = [
  {
    kind: 'private-key',
    pattern:
      /(?<secret>-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|$))/gu,
  },
  {
    kind: 'url-credentials',
    pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/]+:(?<secret>[^\s@/]+)@/giu,
  },
  {
    kind: 'url-token',
    pattern:
      /[?&#](?:access_token|refresh_token|id_token|token|api_key|apikey|api-key|key|secret|client_secret|password|passwd|pwd|auth|sig|signature|session|sessionid|sid|code)=(?<secret>[^&#\s"'<>]+)/giu,
  },
  {
    kind: 'jwt',
    pattern: /(?<secret>\beyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{8,})/gu,
  },
  {
    kind: 'bearer-token',
    pattern: new RegExp(`\\b(?:Bearer|Basic|Token)\\s+${FRESH}(?<secret>[\\w.~+/-]{16,}=*)`, 'gu'),
  },
  {
    kind: 'api-key',
    pattern: new RegExp(
      '(?<secret>\\b(?:' +
        [
          'sk-or-v1-[a-f0-9]{32,}',
          'sk-(?:proj-|ant-|live_|test_)?[A-Za-z0-9_-]{20,}',
          '(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}',
          'AKIA[0-9A-Z]{16}',
          'gh[pousr]_[A-Za-z0-9]{36,}',
          'github_pat_[A-Za-z0-9_]{40,}',
          'glpat-[A-Za-z0-9_-]{20,}',
          'xox[abposr]-[A-Za-z0-9-]{10,}',
          'AIza[0-9A-Za-z_-]{35}',
          'npm_[A-Za-z0-9]{36}',
          'SG\\.[\\w-]{16,}\\.[\\w-]{16,}',
        ].join('|') +
        '))',
      'gu',
    ),
  },
  {
    kind: 'secret',
    pattern: labelled(
      'api[ _-]?key|api[ _-]?token|api[ _-]?secret|access[ _-]?key|access[ _-]?token|auth[ _-]?token|secret(?:[ _-]?key)?|client[ _-]?secret|private[ _-]?key|token|license[ _-]?key',
      '[\\w.~+/=-]{8,}',
    ),
    accept: notADescription,
  },
  {
    kind: 'password',
    // "password: x", and "the password for the server is x" / "password of admin@host: x".
    pattern: labelled(
      `(?:password|passwort|passwd|passphrase|pass|pwd|pw|kennwort|root password)${WHOSE}`,
      '[^\\s"\'`,;]{3,}',
    ),
    accept: notADescription,
  },
  {
    kind: 'card-security-code',
    pattern: /\b(?:cvv2?|cvc2?|csc|security code)\s*(?:=|:|\bis\b)?\s*(?<secret>\d{3,4})\b/giu,
  },
  {
    kind: 'card-number',
    pattern: /(?<secret>\b\d(?:[ -]?\d){12,18}\b)/gu,
    accept: isCardNumber,
  },
  {
    kind: 'email',
    pattern: /(?<secret>\b[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b)/gu,
  },
];
