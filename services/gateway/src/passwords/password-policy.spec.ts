import { passwordProblems } from './password-policy';

describe(passwordProblems.name, () => {
  it('should accept a long, uncommon password', () => {
    expect(passwordProblems('Tidal-Hammock-Quartz-71')).toEqual([]);
  });

  it.each([
    ['too short', 'Ab3-xyz', 'must be at least 12 characters'],
    ['over 72 bytes', 'ü'.repeat(40), 'must be at most 72 bytes'],
    ['in the common list', 'unbelievable', 'is one of the most commonly used passwords'],
    ['a common word padded', 'Password2024!!', 'is one of the most commonly used passwords'],
    ['repetitive', 'abababababab', 'must use at least 5 different characters'],
  ])('should refuse a password %s', (_kind, password, problem) => {
    expect(passwordProblems(password)).toContain(problem);
  });

  it('should refuse a password built from the email address', () => {
    expect(passwordProblems('dana.ops-summer-desk', { email: 'dana.ops@example.com' })).toEqual([
      'must not contain the email address',
    ]);
  });
});
