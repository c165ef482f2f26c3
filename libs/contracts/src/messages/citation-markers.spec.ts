import { describe, expect, it } from '@jest/globals';

import { withoutCitationMarkers } from './citation-markers';

const CITED = new Set([1, 2, 7]);

describe('withoutCitationMarkers', () => {
  it('should take the markers of cited passages out, with the space before them', () => {
    expect(
      withoutCitationMarkers('cPHulk blocks the address [1]. Check Caps Lock [1, 7][2].', CITED),
    ).toBe('cPHulk blocks the address. Check Caps Lock.');
  });

  it('should keep the lines of a list whose items start or end with a marker', () => {
    expect(withoutCitationMarkers('Steps:\n- Sign in [1]\n- Reboot [2]\n\nDone.', CITED)).toBe(
      'Steps:\n- Sign in\n- Reboot\n\nDone.',
    );
  });

  it('should keep brackets around numbers that cite nothing', () => {
    expect(withoutCitationMarkers('Choose option [3] in the menu [1].', CITED)).toBe(
      'Choose option [3] in the menu.',
    );
  });

  it('should leave code as written', () => {
    const text = 'Read `$argv[1]` [1]:\n\n```php\necho $parts[2];\n```\n';
    expect(withoutCitationMarkers(text, CITED)).toBe(
      'Read `$argv[1]`:\n\n```php\necho $parts[2];\n```\n',
    );
  });

  it('should leave a reply without citations as it is', () => {
    expect(withoutCitationMarkers('Hello [1]', new Set())).toBe('Hello [1]');
  });
});
