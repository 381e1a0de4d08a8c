import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { replacePrincipalStrings, showDeletedPrincipals } from './show-deleted-principals.ts';

const ALICE = 'arn:aws:iam::111122223333:user/eng/alice';
const DEPLOY = 'arn:aws:iam::111122223333:role/deploy';
// Formatting as a person wrote it: it must come back byte for byte, but for the principals.
const TEXT = `{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "A", "Effect": "Allow", "Principal": {"AWS": "${ALICE}"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"},
    {
      "Effect" : "Deny",
      "NotPrincipal" : { "AWS" : [ "${DEPLOY}", "111122223333" ] },
      "Action": "s3:*", "Resource": "arn:aws:s3:::b/*",
      "Condition": {"ArnEquals": {"aws:PrincipalArn": "${ALICE}"}, "NumericLessThan": {"s3:max-keys": 10}, "Bool": {"aws:SecureTransport": false}}
    }
  ]
}`;

describe('replacePrincipalStrings', () => {
  it('replaces principal values only — not the same ARN in a condition — and keeps every other byte', () => {
    const out = replacePrincipalStrings(TEXT, new Map([[ALICE, 'AIDAALICE0000000000001'], [DEPLOY, 'AROADEPLOY00000000001']]));
    assert.equal(out, TEXT.replace(`"AWS": "${ALICE}"`, '"AWS": "AIDAALICE0000000000001"').replace(`[ "${DEPLOY}"`, '[ "AROADEPLOY00000000001"'));
    assert.ok(out.includes(`"aws:PrincipalArn": "${ALICE}"`));
    assert.deepEqual(JSON.parse(out).Statement[1].NotPrincipal.AWS, ['AROADEPLOY00000000001', '111122223333']);
  });

  it('a single statement object, escaped characters, nothing to replace', () => {
    const single = `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":["${ALICE}"]},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/\\u002a"}}`;
    assert.equal(replacePrincipalStrings(single, new Map([[ALICE, 'AIDAX']])), single.replace(ALICE, 'AIDAX'));
    assert.equal(replacePrincipalStrings(single, new Map()), single);
  });
});

describe('showDeletedPrincipals', () => {
  const ids = { [ALICE]: 'AIDAALICE0000000000001', [DEPLOY]: 'AROADEPLOY00000000001' };
  const iam = (users: Record<string, { arn: string; userId: string }>, roles: Record<string, { roleId: string }>) => ({
    getUser: async (_account: string, name: string) => users[name] as never,
    getRoleByArn: async (arn: string) => roles[arn] as never,
  });

  it('entities that still exist keep their ARNs; a deleted or recreated one shows the id the policy means', async () => {
    const alive = iam({ alice: { arn: ALICE, userId: ids[ALICE]! } }, { [DEPLOY]: { roleId: ids[DEPLOY]! } });
    assert.equal(await showDeletedPrincipals(TEXT, ids, alive), TEXT);
    const recreated = iam({ alice: { arn: ALICE, userId: 'AIDANEWALICE000000001' } }, {});
    const shown = JSON.parse(await showDeletedPrincipals(TEXT, ids, recreated));
    assert.equal(shown.Statement[0].Principal.AWS, ids[ALICE]);
    assert.deepEqual(shown.Statement[1].NotPrincipal.AWS, [ids[DEPLOY], '111122223333']);
  });

  it('a policy stored without ids (before Coffer kept them) is returned as stored', async () => {
    assert.equal(await showDeletedPrincipals(TEXT, undefined, iam({}, {})), TEXT);
  });
});
