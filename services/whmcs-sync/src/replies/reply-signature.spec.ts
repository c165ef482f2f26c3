import { describe, expect, it } from '@jest/globals';

import { withSignature } from './reply-signature';

const SIGNATURE = 'Kind regards,\nSarah\nBrightNest Hosting Support';

describe('withSignature', () => {
  it('should put the signature below the reply after an empty line', () => {
    expect(withSignature('Hello Anna,\n\nthe DNS change is live.', SIGNATURE)).toBe(
      `Hello Anna,\n\nthe DNS change is live.\n\n${SIGNATURE}`,
    );
  });

  it("should replace the reply's own closing line with the signature", () => {
    expect(
      withSignature('Hello Anna,\n\nthe DNS change is live.\n\nBest regards,', SIGNATURE),
    ).toBe(`Hello Anna,\n\nthe DNS change is live.\n\n${SIGNATURE}`);
  });

  it('should replace a closing above a name as well', () => {
    expect(
      withSignature('Hello Anna,\n\nthe DNS change is live.\n\nBest regards,\nPriya', SIGNATURE),
    ).toBe(`Hello Anna,\n\nthe DNS change is live.\n\n${SIGNATURE}`);
    expect(
      withSignature('Hello Anna,\n\nit is live.\n\nKind regards,\nThe support team', SIGNATURE),
    ).toBe(`Hello Anna,\n\nit is live.\n\n${SIGNATURE}`);
  });

  it('should keep a last line that says more than a name under a closing', () => {
    const text = 'Hello Anna,\n\nthe DNS change is live.\n\nThanks,\nplease reboot the VPS now.';
    expect(withSignature(text, SIGNATURE)).toBe(`${text}\n\n${SIGNATURE}`);
  });

  it("should keep the reply's indentation (Markdown code and nested lists)", () => {
    const text = 'Run:\n\n    systemctl restart httpd\n\n- step\n  - detail';
    expect(withSignature(`${text}\n\nKind regards,`, SIGNATURE)).toBe(`${text}\n\n${SIGNATURE}`);
  });

  it('should keep a last line that says more than a closing', () => {
    const text = 'Hello Anna,\n\nplease reboot the VPS from the client area, then check again,';
    expect(withSignature(text, SIGNATURE)).toBe(`${text}\n\n${SIGNATURE}`);
  });

  it('should not sign a reply twice', () => {
    const signed = `Hello Anna,\n\nthe DNS change is live.\n\n${SIGNATURE}\n`;
    expect(withSignature(signed, SIGNATURE)).toBe(signed);
  });

  it('should leave the reply as it is without a signature', () => {
    expect(withSignature('Hello Anna,\n\nKind regards,', null)).toBe(
      'Hello Anna,\n\nKind regards,',
    );
    expect(withSignature('Hello Anna,\n\nKind regards,', '  \r\n ')).toBe(
      'Hello Anna,\n\nKind regards,',
    );
  });

  it("should read WHMCS's Windows line breaks as line breaks", () => {
    expect(withSignature('Done.\r\nKind regards,', 'Cheers,\r\nTom')).toBe('Done.\n\nCheers,\nTom');
  });
});
