import { containsPattern } from './like-pattern';

describe(containsPattern.name, () => {
  it('should match the text anywhere, its wildcards and backslashes as themselves', () => {
    expect(containsPattern('cPanel')).toBe('%cPanel%');
    expect(containsPattern('100% off_now\\')).toBe('%100\\% off\\_now\\\\%');
  });
});
