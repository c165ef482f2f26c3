import { BlockList, isIP } from 'node:net';

/*
 * Addresses that are not on the public internet: this host, private and shared networks,
 * link-local (including cloud metadata services at 169.254.169.254), multicast and reserved
 * ranges. A page to import from must not be fetched from them unless the operator allows it.
 */
const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  INTERNAL.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  INTERNAL.addSubnet(network, prefix, 'ipv6');
}

const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/iu;

/** Whether an IP address (v4 or v6, as written in a URL or returned by DNS) is internal. */
export function isInternalAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/gu, '');
  const mapped = MAPPED_IPV4.exec(bare)?.[1];
  if (mapped !== undefined) {
    return INTERNAL.check(mapped, 'ipv4');
  }
  switch (isIP(bare)) {
    case 4:
      return INTERNAL.check(bare, 'ipv4');
    case 6:
      return INTERNAL.check(bare, 'ipv6');
    default:
      return false;
  }
}
