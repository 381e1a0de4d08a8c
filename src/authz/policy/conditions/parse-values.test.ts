import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cidrContains, parseCidr, parseIpAddress } from './parse-ip-address.ts';
import { parseDecimal } from './parse-decimal.ts';
import { parsePolicyDate } from './parse-policy-date.ts';

test('parseCidr accepts IPv4/IPv6 blocks and bare hosts, rejects the rest', () => {
  const ok: Array<[string, number, number]> = [
    ['203.0.113.0/24', 4, 24],
    ['203.0.113.7', 4, 32],
    ['0.0.0.0/0', 4, 0],
    ['2001:DB8:1234:5678::/64', 6, 64],
    ['::1', 6, 128],
    ['::/0', 6, 0],
    ['::ffff:203.0.113.0/120', 4, 24],
    ['::ffff:203.0.113.0/64', 6, 64],
    ['1:2:3:4:5:6:7:8', 6, 128],
    ['1:2:3:4:5:6:1.2.3.4', 6, 128],
  ];
  for (const [text, family, prefix] of ok) {
    const b = parseCidr(text);
    assert.ok(b, text);
    assert.deepEqual([b.family, b.prefix], [family, prefix], text);
  }
  for (const bad of ['203.0.113.0/33', '256.0.0.1', '1.2.3', '1.2.3.4/', '1.2.3.4/x', '::1/129', '1::2::3', '1:2:3:4:5:6:7:8:9', 'fe80::1%eth0', '', 'g::1', '1.2.3.4.5']) {
    assert.equal(parseCidr(bad), undefined, bad);
  }
});

test('cidrContains compares the prefix bits, families never cross', () => {
  const ip = (t: string) => parseIpAddress(t)!;
  assert.equal(cidrContains(parseCidr('10.1.0.0/16')!, ip('10.1.255.255')), true);
  assert.equal(cidrContains(parseCidr('10.1.0.0/16')!, ip('10.2.0.0')), false);
  assert.equal(cidrContains(parseCidr('10.1.2.3/16')!, ip('10.1.9.9')), true); // host bits ignored
  assert.equal(cidrContains(parseCidr('2001:db8::/33')!, ip('2001:db8:7fff::1')), true);
  assert.equal(cidrContains(parseCidr('2001:db8::/33')!, ip('2001:db8:8000::1')), false);
  assert.equal(cidrContains(parseCidr('::/0')!, ip('1.2.3.4')), false);
  assert.equal(cidrContains(parseCidr('0.0.0.0/0')!, ip('::ffff:1.2.3.4')), true);
  assert.equal(cidrContains(parseCidr('0.0.0.0/0')!, ip('::1')), false);
  assert.equal(parseIpAddress('::ffff:0102:0304')?.family, 4);
});

test('parseDecimal: integers and decimals only', () => {
  const cases: Array<[string, number]> = [['100', 100], ['-3', -3], ['+7', 7], ['1.25', 1.25], ['0', 0]];
  for (const [t, n] of cases) assert.equal(parseDecimal(t), n, t);
  for (const bad of ['', ' 1', '1 ', '1.', '.5', '1e3', '0x10', 'NaN', 'Infinity', '--1']) assert.ok(Number.isNaN(parseDecimal(bad)), bad);
});

test('parsePolicyDate: ISO 8601 forms and epoch seconds', () => {
  const t = Date.UTC(2024, 4, 1, 12, 0, 0);
  const cases: Array<[string, number]> = [
    ['2024-05-01T12:00:00Z', t],
    ['2024-05-01T12:00Z', t],
    ['2024-05-01T12:00:00.250Z', t + 250],
    ['2024-05-01T12:00:00', t],
    ['2024-05-01T14:00:00+02:00', t],
    ['2024-05-01T07:30:00-0430', t],
    ['2024-05-01', Date.UTC(2024, 4, 1)],
    ['1714564800', t],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
  ];
  for (const [text, ms] of cases) assert.equal(parsePolicyDate(text), ms, text);
  for (const bad of ['', '2024-02-30', '2023-02-29', '2024-13-01', '2024-05-01T24:00:00Z', '2024/05/01', '2024-05-01T12', 'tomorrow', '2024-05-01T12:00:00Q']) {
    assert.ok(Number.isNaN(parsePolicyDate(bad)), bad);
  }
});
