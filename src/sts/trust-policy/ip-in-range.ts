/** `IpAddress` / `NotIpAddress`: is `address` inside the CIDR block (or equal to the bare address)? */
import { BlockList, isIP } from 'node:net';

export function ipInRange(address: string, cidr: string): boolean {
  const ip = unmapIpv4(address);
  const family = isIP(ip);
  if (family === 0) return false;
  const [base, bits] = cidr.split('/') as [string, string | undefined];
  const baseFamily = isIP(base);
  if (baseFamily !== family) return false;
  const prefix = bits === undefined ? (family === 4 ? 32 : 128) : Number(bits);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)) return false;
  const list = new BlockList();
  const type = family === 4 ? 'ipv4' : 'ipv6';
  list.addSubnet(base, prefix, type);
  return list.check(ip, type);
}

/** `::ffff:203.0.113.5` (an IPv4 client on a dual-stack socket) is the IPv4 address. */
function unmapIpv4(address: string): string {
  return address.toLowerCase().startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}
