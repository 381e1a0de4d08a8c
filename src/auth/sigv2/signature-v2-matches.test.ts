import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signatureV2Matches } from './signature-v2-matches.ts';

const SIG = 'qgk2+6Sv9/oM7G3qLEjTH1a1l1g=';

test('the same base64 text matches', () => {
  assert.equal(signatureV2Matches(SIG, SIG), true);
});

test('anything else fails: other text, other length, base64url or unpadded spellings, empty, non-ASCII', () => {
  for (const provided of ['qgk2+6Sv9/oM7G3qLEjTH1a1l1h=', 'qgk2-6Sv9_oM7G3qLEjTH1a1l1g=', 'qgk2+6Sv9/oM7G3qLEjTH1a1l1g', '', SIG + '=', 'qgk2 6Sv9/oM7G3qLEjTH1a1l1g=', 'qgk2+6Sv9/oM7G3qLEjTH1a1l1\u00e9']) {
    assert.equal(signatureV2Matches(provided, SIG), false, provided);
  }
});
