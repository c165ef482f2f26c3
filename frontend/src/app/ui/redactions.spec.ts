import { describe, expect, it } from '@jest/globals';

import { redactionWarning } from './redactions';

describe(redactionWarning.name, () => {
  it('should name what was hidden from the model, each thing once', () => {
    expect(redactionWarning(['password'])).toBe('Hidden from the model: a password');
    expect(redactionWarning(['password', 'email'])).toBe(
      'Hidden from the model: a password and an e-mail address',
    );
    expect(redactionWarning(['jwt', 'bearer-token', 'card-number', 'api-key'])).toBe(
      'Hidden from the model: an access token, a card number and an API key',
    );
  });

  it('should still say something of a kind it does not know', () => {
    expect(redactionWarning(['ssh-passphrase'])).toBe('Hidden from the model: ssh passphrase');
  });
});
