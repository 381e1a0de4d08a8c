/**
 * IpAddress / NotIpAddress (§3): CIDR blocks (IPv4 or IPv6; a bare address is one host).
 * Blocks are parsed when the policy is compiled (an invalid one is a policy error, see
 * compile-condition.ts); the request address is parsed once per request by the context.
 */
import type { RequestContext } from '../request-context.ts';
import { type CidrBlock, cidrContains } from './parse-ip-address.ts';
import type { ValueTest } from './value-test.ts';

export function compileIpTest(blocks: readonly CidrBlock[]): ValueTest {
  return (value: string, context: RequestContext) => {
    const ip = context.parsedIp(value);
    if (ip === undefined) return false;
    for (let i = 0; i < blocks.length; i++) if (cidrContains(blocks[i]!, ip)) return true;
    return false;
  };
}
