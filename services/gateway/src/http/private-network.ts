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

/*
 * Not on the public internet either, though no client of ours comes from there: "this network",
 * shared address space (carrier-grade NAT), IETF protocol assignments, benchmarking, multicast and
 * reserved ranges, and the unspecified and multicast IPv6 addresses.
 */
const otherNonPublic = new BlockList();
otherNonPublic.addSubnet('0.0.0.0', 8, 'ipv4');
otherNonPublic.addSubnet('100.64.0.0', 10, 'ipv4');
otherNonPublic.addSubnet('192.0.0.0', 24, 'ipv4');
otherNonPublic.addSubnet('198.18.0.0', 15, 'ipv4');
otherNonPublic.addSubnet('224.0.0.0', 3, 'ipv4');
otherNonPublic.addAddress('::', 'ipv6');
otherNonPublic.addSubnet('ff00::', 8, 'ipv6');

const MAPPED_IPV4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

function inList(list: BlockList, ip: string): boolean {
  const mapped = MAPPED_IPV4.exec(ip)?.[1];
  if (mapped !== undefined) {
    return list.check(mapped, 'ipv4');
  }
  if (isIPv4(ip)) {
    return list.check(ip, 'ipv4');
  }
  return isIPv6(ip) && list.check(ip, 'ipv6');
}

/** Loopback, link-local or private (RFC 1918, unique local) address. */
export function isPrivateAddress(ip: string | undefined): boolean {
  return ip !== undefined && inList(privateNetworks, ip);
}

/**
 * Any address that is not a public internet host's, as written in a URL (`[::1]`) or returned by
 * DNS: private, loopback and link-local (cloud metadata services at 169.254.169.254) ones and the
 * other reserved ranges. A host name is not an address.
 */
export function isInternalAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/gu, '');
  return inList(privateNetworks, ip) || inList(otherNonPublic, ip);
}
