import { isInternalAddress, isPrivateAddress } from './private-network';

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

describe(isInternalAddress.name, () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.5',
    '192.168.1.10',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '[::1]',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
  ])('should call %s internal', (address) => {
    expect(isInternalAddress(address)).toBe(true);
  });

  it.each(['93.184.215.14', '1.1.1.1', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])(
    'should call %s public',
    (address) => {
      expect(isInternalAddress(address)).toBe(false);
    },
  );

  it('should not call a host name an address', () => {
    expect(isInternalAddress('localhost')).toBe(false);
  });
});
