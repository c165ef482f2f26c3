import { SecretRedactor, withoutRedactionMarks } from './secret-redactor';

describe(SecretRedactor.name, () => {
  const sut = new SecretRedactor();

  describe('redact', () => {
    it.each([
      [
        'password',
        'My cPanel password is Hunter2!x, please check',
        'My cPanel password is [REDACTED:password], please check',
      ],
      ['password', 'user: root\npass: s3cr3t-P@ss', 'user: root\npass: [REDACTED:password]'],
      [
        'password',
        'the root password for the box is Tr0ub4dor&3 now',
        'the root password for the box is [REDACTED:password] now',
      ],
      ['password', 'Password for cPanel: xK9#mm2q', 'Password for cPanel: [REDACTED:password]'],
      [
        'api-key',
        'key sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef here',
        'key [REDACTED:api-key] here',
      ],
      ['api-key', 'AWS AKIAIOSFODNN7EXAMPLE leaked', 'AWS [REDACTED:api-key] leaked'],
      ['secret', 'api_key = "abcd1234efgh5678"', 'api_key = "[REDACTED:secret]"'],
      [
        'card-number',
        'card 4111 1111 1111 1111 exp 12/29',
        'card [REDACTED:card-number] exp 12/29',
      ],
      ['card-security-code', 'CVV: 123', 'CVV: [REDACTED:card-security-code]'],
      [
        'url-token',
        'open https://example.com/reset?token=abc123def&user=5',
        'open https://example.com/reset?token=[REDACTED:url-token]&user=5',
      ],
      [
        'url-credentials',
        'ftp://admin:Pa55w0rd@ftp.example.com/',
        'ftp://admin:[REDACTED:url-credentials]@ftp.example.com/',
      ],
      [
        'bearer-token',
        'Authorization: Bearer abcdefghijklmnopqrstuvwxyz123456',
        'Authorization: Bearer [REDACTED:bearer-token]',
      ],
      ['email', 'write to jane.doe@example.co.uk today', 'write to [REDACTED:email] today'],
    ])('should hide a %s', (kind, input, expected) => {
      const result = sut.redact(input);

      expect(result.text).toBe(expected);
      expect(result.kinds).toEqual([kind]);
    });

    it('should hide a whole private key block', () => {
      const key =
        '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\nabc\n-----END RSA PRIVATE KEY-----';

      const result = sut.redact(`Here is my key:\n${key}\nthanks`);

      expect(result.text).toBe('Here is my key:\n[REDACTED:private-key]\nthanks');
      expect(result.kinds).toEqual(['private-key']);
    });

    it('should keep digit runs that fail the Luhn check and ordinary words', () => {
      const text =
        'Order 1234 5678 9012 3456 failed; I forgot my password yesterday. IP 203.0.113.7';

      const result = sut.redact(text);

      expect(result.text).toBe(text);
      expect(result.kinds).toEqual([]);
    });

    it.each([
      ['password is: Hunter2', 'password is: [REDACTED:password]'],
      ['My old password was Hunter2x', 'My old password was [REDACTED:password]'],
      ['the password is now Abc123x.', 'the password is now [REDACTED:password]'],
      ['password was changed to tr0ub4dor', 'password was changed to [REDACTED:password]'],
      [
        'The root password is as follows: xK9#mm2q',
        'The root password is as follows: [REDACTED:password]',
      ],
      ['my password is sunshine', 'my password is [REDACTED:password]'],
      ['password: not-a-word', 'password: [REDACTED:password]'],
    ])('should hide the value in %j', (input, expected) => {
      expect(sut.redact(input).text).toBe(expected);
    });

    it.each([
      'My password is not working since yesterday',
      'the password is wrong according to cPanel',
      'My email password is incorrect?',
      'my password for the account is locked',
      'The password is the one you sent me',
      'The root password is still not accepted',
      'Your password is now working again',
      'the API key is definitely correct',
    ])('should keep %j, whose words describe the password', (input) => {
      const result = sut.redact(input);

      expect(result.text).toBe(input);
      expect(result.count).toBe(0);
    });

    it('should report each kind once and count every secret', () => {
      const result = sut.redact('password: aaaa1 and password: bbbb2 and 4012888888881881');

      expect(result.kinds).toEqual(['password', 'card-number']);
      expect(result.count).toBe(3);
    });

    it('should not redact its own placeholders again', () => {
      const once = sut.redact('password: hunter22');

      const twice = sut.redact(once.text);

      expect(twice.text).toBe(once.text);
      expect(twice.count).toBe(0);
    });
  });

  describe(withoutRedactionMarks.name, () => {
    it('should leave the words around a redacted secret and none of its mark', () => {
      const redacted = sut.redact(
        'cPanel login fails, password: Hunter2!x, card 4111 1111 1111 1111, mail bob@example.com',
      ).text;

      const searched = withoutRedactionMarks(redacted);

      expect(searched).not.toMatch(/redacted|card-number|email/iu);
      expect(searched.split(/\W+/u).filter(Boolean)).toEqual([
        'cPanel',
        'login',
        'fails',
        'password',
        'card',
        'mail',
      ]);
    });

    it('should leave a text without marks as it is', () => {
      expect(withoutRedactionMarks('[REDACTED] is not a mark: [NOTE:x]')).toBe(
        '[REDACTED] is not a mark: [NOTE:x]',
      );
    });
  });
});
