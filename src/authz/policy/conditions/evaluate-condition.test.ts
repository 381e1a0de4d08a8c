import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RequestContext } from '../request-context.ts';
import { compileCondition } from './compile-condition.ts';
import { evaluateCondition } from './evaluate-condition.ts';
import { OPERATOR_NAMES } from './condition-operator.ts';

type Ctx = Record<string, string | string[]>;
type Row = [operator: string, key: string, values: string[], context: Ctx, holds: boolean];

function check(rows: Row[], variables = true): void {
  for (const [operator, key, values, entries, want] of rows) {
    const c = compileCondition({ operator, key, values }, { dialect: 'bucket', variables });
    const got = evaluateCondition(c, RequestContext.from(entries));
    assert.equal(got, want, `${operator} ${key} ${JSON.stringify(values)} with ${JSON.stringify(entries)}`);
  }
}

test('string operators (§3): exact, ignore-case, like; values ORed; negations are NOR', () => {
  const k = 'aws:UserAgent';
  check([
    ['StringEquals', k, ['curl'], { [k]: 'curl' }, true],
    ['StringEquals', k, ['curl'], { [k]: 'Curl' }, false],
    ['StringEquals', k, ['a', 'curl'], { [k]: 'curl' }, true],
    ['StringEquals', k, ['cu*'], { [k]: 'curl' }, false],
    ['StringEquals', k, ['cu*'], { [k]: 'cu*' }, true],
    ['StringNotEquals', k, ['curl'], { [k]: 'wget' }, true],
    ['StringNotEquals', k, ['curl'], { [k]: 'curl' }, false],
    ['StringNotEquals', k, ['a', 'curl'], { [k]: 'curl' }, false], // NOR: matches one → false
    ['StringNotEquals', k, ['a', 'b'], { [k]: 'curl' }, true],
    ['StringEqualsIgnoreCase', k, ['CURL'], { [k]: 'curl' }, true],
    ['StringEqualsIgnoreCase', k, ['Straße'], { [k]: 'STRAßE' }, true],
    ['StringEqualsIgnoreCase', k, ['curl'], { [k]: 'curls' }, false],
    ['StringNotEqualsIgnoreCase', k, ['CURL'], { [k]: 'curl' }, false],
    ['StringNotEqualsIgnoreCase', k, ['CURL'], { [k]: 'wget' }, true],
    ['StringLike', k, ['cu*'], { [k]: 'curl/8.0' }, true],
    ['StringLike', k, ['c?rl'], { [k]: 'curl' }, true],
    ['StringLike', k, ['C*'], { [k]: 'curl' }, false],
    ['StringNotLike', k, ['cu*', 'wg*'], { [k]: 'wget' }, false],
    ['StringNotLike', k, ['cu*', 'wg*'], { [k]: 'aws-cli' }, true],
    // Key names are case-insensitive, values case-sensitive (§2.4).
    ['StringEquals', 'AWS:USERAGENT', ['curl'], { 'aws:useragent': 'curl' }, true],
  ]);
});

test('policy variables in string and ARN conditions (§4)', () => {
  check([
    ['StringLike', 's3:prefix', ['home/${aws:username}/*'], { 's3:prefix': 'home/alice/x', 'aws:username': 'alice' }, true],
    ['StringLike', 's3:prefix', ['home/${aws:username}/*'], { 's3:prefix': 'home/bob/x', 'aws:username': 'alice' }, false],
    ['StringEquals', 'aws:PrincipalTag/team', ['${s3:ExistingObjectTag/team}'], { 'aws:PrincipalTag/team': 'red', 's3:ExistingObjectTag/team': 'red' }, true],
    // Unresolved: positive false, negated true.
    ['StringLike', 's3:prefix', ['home/${aws:username}/*'], { 's3:prefix': 'home/x/y' }, false],
    ['StringNotLike', 's3:prefix', ['home/${aws:username}/*'], { 's3:prefix': 'home/x/y' }, true],
    ['ArnLike', 'aws:PrincipalArn', ['arn:aws:iam::${aws:PrincipalAccount}:user/*'], { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:user/a', 'aws:PrincipalAccount': '111122223333' }, true],
  ]);
  // 2008-10-17: literal.
  check([['StringEquals', 'aws:username', ['${aws:username}'], { 'aws:username': '${aws:username}' }, true]], false);
});

test('numeric operators (§3): integers and decimals; a non-number request value matches nothing', () => {
  const k = 's3:max-keys';
  check([
    ['NumericEquals', k, ['100'], { [k]: '100' }, true],
    ['NumericEquals', k, ['100'], { [k]: '100.0' }, true],
    ['NumericEquals', k, ['1.2'], { [k]: '1.20' }, true],
    ['NumericNotEquals', k, ['100'], { [k]: '100' }, false],
    ['NumericNotEquals', k, ['100', '200'], { [k]: '300' }, true],
    ['NumericLessThan', k, ['100'], { [k]: '99' }, true],
    ['NumericLessThan', k, ['100'], { [k]: '100' }, false],
    ['NumericLessThanEquals', k, ['100'], { [k]: '100' }, true],
    ['NumericGreaterThan', k, ['100'], { [k]: '101' }, true],
    ['NumericGreaterThan', k, ['100'], { [k]: '-101' }, false],
    ['NumericGreaterThanEquals', k, ['100'], { [k]: '100' }, true],
    ['NumericGreaterThan', k, ['100'], { [k]: 'lots' }, false],
    ['NumericGreaterThan', k, ['100'], { [k]: '' }, false],
    ['NumericGreaterThan', k, ['100'], { [k]: '0x1000' }, false],
    ['NumericNotEquals', k, ['100'], { [k]: 'lots' }, true],
    ['NumericLessThan', k, ['ten'], { [k]: '1' }, false],
  ]);
});

test('date operators (§3): ISO 8601 and epoch seconds, compared as instants', () => {
  const k = 'aws:CurrentTime';
  const now = '2024-05-01T12:00:00Z';
  check([
    ['DateEquals', k, ['2024-05-01T12:00:00Z'], { [k]: now }, true],
    ['DateEquals', k, ['2024-05-01T14:00:00+02:00'], { [k]: now }, true],
    ['DateEquals', k, ['1714564800'], { [k]: now }, true],
    ['DateNotEquals', k, ['1714564800'], { [k]: now }, false],
    ['DateLessThan', k, ['2024-05-02'], { [k]: now }, true],
    ['DateLessThan', k, ['2024-05-01'], { [k]: now }, false],
    ['DateLessThanEquals', k, ['2024-05-01T12:00:00.000Z'], { [k]: now }, true],
    ['DateGreaterThan', k, ['2024-05-01T11:59Z'], { [k]: now }, true],
    ['DateGreaterThanEquals', k, ['2024-05-01T12:00:01Z'], { [k]: now }, false],
    ['DateGreaterThan', 'aws:EpochTime', ['2024-01-01T00:00:00Z'], { 'aws:EpochTime': '1714564800' }, true],
    ['DateLessThan', 'aws:TokenIssueTime', ['2024-05-01T00:00:00Z'], { 'aws:TokenIssueTime': '2024-04-30T23:00:00Z' }, true],
    ['DateLessThan', k, ['2024-05-02'], { [k]: 'yesterday' }, false],
  ]);
});

test('Bool, BinaryEquals, Null (§3)', () => {
  const k = 'aws:SecureTransport';
  check([
    ['Bool', k, ['true'], { [k]: 'true' }, true],
    ['Bool', k, ['TRUE'], { [k]: 'true' }, true],
    ['Bool', k, ['false'], { [k]: 'True' }, false],
    ['Bool', k, ['false'], { [k]: 'false' }, true],
    ['Bool', k, ['yes'], { [k]: 'true' }, false],
    ['BinaryEquals', 'x:bin', ['QmluYXJ5'], { 'x:bin': 'QmluYXJ5' }, true],
    ['BinaryEquals', 'x:bin', ['QmluYXJ5'], { 'x:bin': 'QmluYXJ6' }, false],
    ['Null', 'aws:MultiFactorAuthPresent', ['true'], {}, true],
    ['Null', 'aws:MultiFactorAuthPresent', ['true'], { 'aws:MultiFactorAuthPresent': 'false' }, false],
    ['Null', 'aws:MultiFactorAuthPresent', ['false'], { 'aws:MultiFactorAuthPresent': 'false' }, true],
    ['Null', 'aws:MultiFactorAuthPresent', ['false'], {}, false],
    ['Null', 'aws:TagKeys', ['true'], { 'aws:TagKeys': [] }, true],
  ]);
});

test('IpAddress / NotIpAddress (§3): IPv4, IPv6, bare hosts, IPv4-mapped IPv6', () => {
  const k = 'aws:SourceIp';
  check([
    ['IpAddress', k, ['203.0.113.0/24'], { [k]: '203.0.113.9' }, true],
    ['IpAddress', k, ['203.0.113.0/24'], { [k]: '203.0.114.9' }, false],
    ['IpAddress', k, ['203.0.113.9'], { [k]: '203.0.113.9' }, true],
    ['IpAddress', k, ['203.0.113.9'], { [k]: '203.0.113.8' }, false],
    ['IpAddress', k, ['0.0.0.0/0'], { [k]: '8.8.8.8' }, true],
    ['IpAddress', k, ['10.0.0.0/8', '192.168.0.0/16'], { [k]: '192.168.1.1' }, true],
    ['IpAddress', k, ['2001:DB8:1234:5678::/64'], { [k]: '2001:db8:1234:5678:abcd::1' }, true],
    ['IpAddress', k, ['2001:DB8:1234:5678::/64'], { [k]: '2001:db8:1234:5679::1' }, false],
    ['IpAddress', k, ['::1'], { [k]: '::1' }, true],
    ['IpAddress', k, ['203.0.113.0/24'], { [k]: '::ffff:203.0.113.9' }, true],
    ['IpAddress', k, ['::ffff:203.0.113.0/120'], { [k]: '203.0.113.9' }, true],
    ['IpAddress', k, ['::/0'], { [k]: '203.0.113.9' }, false], // IPv6 blocks match IPv6 only
    ['IpAddress', k, ['203.0.113.0/24'], { [k]: 'not-an-ip' }, false],
    ['NotIpAddress', k, ['203.0.113.0/24'], { [k]: '198.51.100.1' }, true],
    ['NotIpAddress', k, ['203.0.113.0/24', '198.51.100.0/24'], { [k]: '198.51.100.1' }, false],
  ]);
});

test('ArnEquals / ArnLike (§3): per component, a wildcard does not cross a colon', () => {
  const k = 'aws:SourceArn';
  const arn = 'arn:aws:iam::111122223333:role/app';
  check([
    ['ArnEquals', k, [arn], { [k]: arn }, true],
    ['ArnLike', k, ['arn:aws:iam::*:role/*'], { [k]: arn }, true],
    ['ArnEquals', k, ['arn:aws:iam::*:role/*'], { [k]: arn }, true], // ArnEquals ≡ ArnLike
    ['ArnLike', k, ['arn:aws:iam::1111*:*'], { [k]: arn }, true],
    ['ArnLike', k, ['arn:aws:*'], { [k]: arn }, false], // * cannot span the colons
    ['ArnLike', k, ['arn:*:*:*:*:*'], { [k]: arn }, true],
    ['ArnLike', k, ['arn:aws:s3:::photos/*'], { [k]: 'arn:aws:s3:::photos/a:b' }, true], // the resource part keeps its colons
    ['ArnLike', k, ['*'], { [k]: arn }, true],
    ['ArnLike', k, ['arn:aws:iam::*:role/*'], { [k]: 'not-an-arn' }, false],
    ['ArnLike', k, ['arn:aws:iam::111122223333:ROLE/app'], { [k]: arn }, false],
    ['ArnNotEquals', k, [arn], { [k]: arn }, false],
    ['ArnNotLike', k, ['arn:aws:iam::*:role/admin'], { [k]: arn }, true],
  ]);
});

test('missing keys (§2.4): positive false, negated true, IfExists true; Null tests presence', () => {
  const rows: Row[] = [];
  for (const name of OPERATOR_NAMES) {
    if (name === 'Null') continue;
    const negated = /Not/.test(name);
    const value = name.startsWith('Ip') || name === 'NotIpAddress' ? '10.0.0.0/8' : '1';
    rows.push([name, 'x:absent', [value], {}, negated]);
    rows.push([`${name}IfExists`, 'x:absent', [value], {}, true]);
  }
  check(rows);
  // IfExists with the key present behaves like the base operator.
  check([
    ['StringEqualsIfExists', 'aws:UserAgent', ['curl'], { 'aws:UserAgent': 'curl' }, true],
    ['StringEqualsIfExists', 'aws:UserAgent', ['curl'], { 'aws:UserAgent': 'wget' }, false],
    ['NumericLessThanIfExists', 's3:max-keys', ['10'], { 's3:max-keys': '100' }, false],
    ['BoolIfExists', 'aws:MultiFactorAuthPresent', ['true'], {}, true],
  ]);
});

test('set operators (§3): ForAllValues and ForAnyValue over multivalued keys', () => {
  const k = 'aws:TagKeys';
  check([
    ['ForAllValues:StringEquals', k, ['a', 'b'], { [k]: ['a', 'b'] }, true],
    ['ForAllValues:StringEquals', k, ['a', 'b'], { [k]: ['a', 'c'] }, false],
    ['ForAllValues:StringEquals', k, ['a'], {}, true], // absent: true (dangerous with Allow)
    ['ForAllValues:StringEquals', k, ['a'], { [k]: [] }, true], // empty set: true
    ['ForAnyValue:StringEquals', k, ['a'], { [k]: ['x', 'a'] }, true],
    ['ForAnyValue:StringEquals', k, ['a'], { [k]: ['x', 'y'] }, false],
    ['ForAnyValue:StringEquals', k, ['a'], {}, false],
    ['ForAnyValue:StringEquals', k, ['a'], { [k]: [] }, false],
    ['ForAnyValue:StringNotEquals', k, ['a'], { [k]: ['a', 'b'] }, true], // b is not a
    ['ForAnyValue:StringNotEquals', k, ['a'], { [k]: ['a'] }, false],
    ['ForAllValues:StringNotEquals', k, ['secret'], { [k]: ['a', 'b'] }, true],
    ['ForAllValues:StringNotEquals', k, ['secret'], { [k]: ['a', 'secret'] }, false],
    ['ForAllValues:StringLike', k, ['team-*'], { [k]: ['team-a', 'team-b'] }, true],
    ['ForAnyValue:StringLikeIfExists', k, ['a'], {}, true],
    ['forallvalues:stringequals', k, ['a'], { [k]: ['a'] }, true], // qualifier and operator in any case
    // A single-valued key under a set operator is a one-element set.
    ['ForAnyValue:StringEquals', 'aws:UserAgent', ['curl'], { 'aws:UserAgent': 'curl' }, true],
    ['ForAllValues:NumericLessThan', 's3:max-keys', ['10'], { 's3:max-keys': '5' }, true],
    // A set without a qualifier: any value for positive operators, none for negated ones.
    ['StringEquals', k, ['a'], { [k]: ['x', 'a'] }, true],
    ['StringNotEquals', k, ['a'], { [k]: ['x', 'a'] }, false],
    ['StringNotEquals', k, ['a'], { [k]: ['x', 'y'] }, true],
  ]);
});

test('several operators and keys are ANDed by the statement, not here: one node per pair', () => {
  // compile-policy flattens {op: {k1, k2}} into two nodes; each is evaluated on its own.
  const a = compileCondition({ operator: 'StringEquals', key: 'aws:username', values: ['alice'] }, { dialect: 'identity', variables: true });
  assert.equal(a.keyLower, 'aws:username');
  assert.equal(a.operator.name, 'StringEquals');
});
