import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signatureMatches } from './signature-matches.ts';

const computed = 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41';

test('matches exactly the 64 lower-case hex digits of the HMAC', () => {
  assert.equal(signatureMatches('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41', computed), true);
  assert.equal(signatureMatches('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb40', computed), false);
});

test('upper-case, short, long, non-hex or non-ASCII signatures never match (and never throw)', () => {
  assert.equal(signatureMatches('İ'.repeat(64), '0'.repeat(64)), false);
  assert.equal(signatureMatches('F0E8BDB87C964420E857BD35B5D6ED310BD44F0170ABA48DD91039C6036BDB41', computed), false);
  assert.equal(signatureMatches('f0e8', computed), false);
  assert.equal(signatureMatches('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb4100', computed), false);
  assert.equal(signatureMatches('g0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41', computed), false);
  assert.equal(signatureMatches('', computed), false);
});
