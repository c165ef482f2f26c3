import { isPrivateAddress } from './private-network';

describe(isPrivateAddress.name, () => {
  it.each([
    '127.0.0.1',
    '::1',
    '::ffff:127.0.0.1',
    '10.1.2.3',
    '172.20.0.5',
    '192.168.1.9',
    'fd00::1',
  ])('should accept %s', (ip) => {
    expect(isPrivateAddress(ip)).toBe(true);
  });

  it.each(['8.8.8.8', '172.32.0.1', '::ffff:203.0.113.9', '2001:db8::1', 'not-an-ip', undefined])(
    'should refuse %s',
    (ip) => {
      expect(isPrivateAddress(ip)).toBe(false);
    },
  );
});
