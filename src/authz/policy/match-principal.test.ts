import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Principal } from '../../auth/principal.ts';
import { DIRECT, LIMITED, matchPrincipal, NO_MATCH, VIA_ACCOUNT } from './match-principal.ts';
import { A, account, alice, anonymous, B, bob, rootA, session } from './policy.fixtures.ts';
import { classifyAwsPrincipal, classifyCanonicalUser, type PrincipalEntry } from './principal-entry.ts';

const aws = (...values: string[]): PrincipalEntry[] => values.map((v) => classifyAwsPrincipal(v)!);
const job1 = session(A, 'app', 'job1');

test('Principal (§2.1): who each form covers, and how directly (§7.3)', () => {
  const rows: Array<[PrincipalEntry[], Principal, number]> = [
    [aws('*'), anonymous, LIMITED],
    [aws('*'), alice, LIMITED],
    [aws(A), alice, VIA_ACCOUNT],
    [aws(`arn:aws:iam::${A}:root`), rootA, VIA_ACCOUNT],
    [aws(`arn:aws:iam::${A}:root`), job1, VIA_ACCOUNT],
    [aws(A), anonymous, NO_MATCH],
    [aws(A), bob, NO_MATCH],
    [aws(`arn:aws:iam::${A}:user/alice`), alice, DIRECT],
    [aws(`arn:aws:iam::${A}:user/Alice`), alice, NO_MATCH], // ARNs compare case-sensitively
    [aws(`arn:aws:iam::${A}:role/app`), job1, LIMITED],
    [aws(`arn:aws:sts::${A}:assumed-role/app/job1`), job1, DIRECT],
    [aws(`arn:aws:sts::${A}:assumed-role/app/job2`), job1, NO_MATCH],
    [aws(`arn:aws:iam::${A}:user/alice`, B), bob, VIA_ACCOUNT],
    [aws('AIDAALICEXXXXXXXXXXX'), alice, DIRECT], // a stored unique id
    [aws('AROAAPPYYYYYYYYYYYYY'), job1, LIMITED],
    [[classifyCanonicalUser(account(A).canonicalId)!], alice, VIA_ACCOUNT],
    [[{ kind: 'service', name: 'logging.s3.amazonaws.com' }], alice, NO_MATCH],
  ];
  for (const [entries, p, want] of rows) {
    assert.equal(matchPrincipal({ negated: false, entries }, p), want, `${JSON.stringify(entries)} for ${'arn' in p ? p.arn : 'anonymous'}`);
  }
});

test('a principal resolved to a unique id matches that entity only, not a re-created namesake', () => {
  const entry: PrincipalEntry = { kind: 'user', arn: `arn:aws:iam::${A}:user/alice`, accountId: A, uniqueId: 'AIDAOLDALICE00000000' };
  assert.equal(matchPrincipal({ negated: false, entries: [entry] }, alice), NO_MATCH);
  assert.equal(matchPrincipal({ negated: false, entries: [{ ...entry, uniqueId: alice.type === 'User' ? alice.userId : '' }] }, alice), DIRECT);
});

test('NotPrincipal (§2.1): exempt only when every identity of the caller is listed', () => {
  const not = (entries: PrincipalEntry[], p: Principal) => matchPrincipal({ negated: true, entries }, p) !== NO_MATCH;
  // A user: its ARN and its account.
  assert.equal(not(aws(`arn:aws:iam::${A}:user/alice`, A), alice), false);
  assert.equal(not(aws(`arn:aws:iam::${A}:user/alice`), alice), true); // account missing: still denied
  assert.equal(not(aws(A), alice), true); // user missing
  // A role session: session ARN, role ARN and account.
  const all = aws(`arn:aws:sts::${A}:assumed-role/app/job1`, `arn:aws:iam::${A}:role/app`, A);
  assert.equal(not(all, job1), false);
  assert.equal(not(all.slice(1), job1), true);
  assert.equal(not([all[0]!, all[2]!], job1), true);
  assert.equal(not(all, session(A, 'app', 'job2')), true);
  // Root: its account.
  assert.equal(not(aws(A), rootA), false);
  // Anonymous is never exempt (only `*` exempts everyone).
  assert.equal(not(aws(A), anonymous), true);
  assert.equal(not(aws('*'), anonymous), false);
});
