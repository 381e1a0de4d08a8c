/**
 * IPv4 and IPv6 addresses and CIDR blocks for IpAddress/NotIpAddress (§3, RFC 4632/4291),
 * as four 32-bit words. An IPv4-mapped IPv6 address (`::ffff:203.0.113.9`, what a dual-stack
 * socket reports for an IPv4 client) is the IPv4 address: it matches IPv4 blocks and its
 * `::ffff:0:0/96`-or-longer block form is an IPv4 block. Other IPv6 blocks match only IPv6.
 */
export interface IpAddress {
  readonly family: 4 | 6;
  /** IPv4: [0, 0, 0, address]. */
  readonly words: readonly [number, number, number, number];
}

export interface CidrBlock extends IpAddress {
  /** Prefix length within the family (≤ 32 for IPv4, ≤ 128 for IPv6). */
  readonly prefix: number;
}

const V4_PART = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

export function parseIpAddress(text: string): IpAddress | undefined {
  if (text.includes(':')) {
    const w = parseV6(text);
    if (w === undefined) return undefined;
    if (w[0] === 0 && w[1] === 0 && w[2] === 0xffff) return { family: 4, words: [0, 0, 0, w[3]] };
    return { family: 6, words: w };
  }
  const v4 = parseV4(text);
  return v4 === undefined ? undefined : { family: 4, words: [0, 0, 0, v4] };
}

/** `203.0.113.0/24`, `2001:DB8::/32`, or a bare address (a single host). */
export function parseCidr(text: string): CidrBlock | undefined {
  const slash = text.indexOf('/');
  const addressText = slash < 0 ? text : text.slice(0, slash);
  const prefixText = slash < 0 ? undefined : text.slice(slash + 1);
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  if (addressText.includes(':')) {
    const w = parseV6(addressText);
    if (w === undefined) return undefined;
    const prefix = prefixText === undefined ? 128 : Number(prefixText);
    if (prefix > 128) return undefined;
    if (w[0] === 0 && w[1] === 0 && w[2] === 0xffff && prefix >= 96) return { family: 4, words: [0, 0, 0, w[3]], prefix: prefix - 96 };
    return { family: 6, words: w, prefix };
  }
  const v4 = parseV4(addressText);
  if (v4 === undefined) return undefined;
  const prefix = prefixText === undefined ? 32 : Number(prefixText);
  if (prefix > 32) return undefined;
  return { family: 4, words: [0, 0, 0, v4], prefix };
}

/** Whether the address lies in the block; families never cross (see above). */
export function cidrContains(block: CidrBlock, ip: IpAddress): boolean {
  if (block.family !== ip.family) return false;
  let bits = block.family === 4 ? block.prefix + 96 : block.prefix;
  for (let i = 0; i < 4; i++) {
    if (bits <= 0) return true;
    const take = bits >= 32 ? 32 : bits;
    const mask = take === 32 ? 0xffffffff : ~(0xffffffff >>> take) >>> 0;
    if (((block.words[i]! & mask) >>> 0) !== ((ip.words[i]! & mask) >>> 0)) return false;
    bits -= 32;
  }
  return true;
}

function parseV4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => V4_PART.test(p))) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0) >>> 0;
}

function parseV6(text: string): [number, number, number, number] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string): number[] | undefined => {
    if (s === '') return [];
    const out: number[] = [];
    const parts = s.split(':');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (i === parts.length - 1 && part.includes('.')) {
        const v4 = parseV4(part);
        if (v4 === undefined) return undefined;
        out.push(v4 >>> 16, v4 & 0xffff);
      } else if (HEX_GROUP.test(part)) out.push(parseInt(part, 16));
      else return undefined;
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const all = [...head, ...new Array<number>(missing).fill(0), ...tail];
  // An IPv4 tail is only allowed as the last 32 bits, which the length check above ensures.
  return [0, 1, 2, 3].map((i) => ((all[2 * i]! << 16) | all[2 * i + 1]!) >>> 0) as [number, number, number, number];
}
