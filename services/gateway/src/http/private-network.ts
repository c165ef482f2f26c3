import { BlockList, isIPv4, isIPv6 } from 'node:net';

const privateNetworks = new BlockList();
privateNetworks.addSubnet('127.0.0.0', 8, 'ipv4');
privateNetworks.addSubnet('10.0.0.0', 8, 'ipv4');
privateNetworks.addSubnet('172.16.0.0', 12, 'ipv4');
privateNetworks.addSubnet('192.168.0.0', 16, 'ipv4');
privateNetworks.addSubnet('169.254.0.0', 16, 'ipv4');
privateNetworks.addAddress('::1', 'ipv6');
privateNetworks.addSubnet('fc00::', 7, 'ipv6');
privateNetworks.addSubnet('fe80::', 10, 'ipv6');

const MAPPED_IPV4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

/** Loopback, link-local or private (RFC 1918, unique local) address. */
export function isPrivateAddress(ip: string | undefined): boolean {
  if (ip === undefined) {
    return false;
  }
  const mapped = MAPPED_IPV4.exec(ip)?.[1];
  if (mapped !== undefined) {
    return privateNetworks.check(mapped, 'ipv4');
  }
  if (isIPv4(ip)) {
    return privateNetworks.check(ip, 'ipv4');
  }
  return isIPv6(ip) && privateNetworks.check(ip, 'ipv6');
}
