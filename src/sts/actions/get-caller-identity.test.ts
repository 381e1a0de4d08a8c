import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALICE_ARN, StsFixture, text } from '../testing/sts-fixture.ts';
import { assumeRole } from './assume-role.ts';
import { getCallerIdentity } from './get-caller-identity.ts';
import { getSessionToken } from './get-session-token.ts';

describe('GetCallerIdentity (sts-iam.md §2.5)', () => {
  const f = new StsFixture();
  const action = getCallerIdentity();

  it('root: the root ARN and the account id as UserId', async () => {
    const r = await f.call(action, {}, f.signedAs(f.root));
    assert.deepEqual(r, [
      ['Arn', 'arn:aws:iam::111122223333:root'],
      ['UserId', '111122223333'],
      ['Account', '111122223333'],
    ]);
  });

  it('IAM user, with long-term keys and with a GetSessionToken session', async () => {
    const expected = [
      ['Arn', ALICE_ARN],
      ['UserId', 'AIDAALICE0000000000001'],
      ['Account', '111122223333'],
    ];
    assert.deepEqual(await f.call(action, {}, f.signedAs(f.alice)), expected);
    const issued = await f.call(getSessionToken(f.deps), {}, f.signedAs(f.alice));
    const session = await f.sessionAuth(text(issued, 'AccessKeyId')!, text(issued, 'SessionToken')!);
    assert.deepEqual(await f.call(action, {}, session), expected);
  });

  it('role session: the assumed-role ARN and AROA…:<session>', async () => {
    const issued = await f.call(assumeRole(f.deps), { RoleArn: 'arn:aws:iam::111122223333:role/demo', RoleSessionName: 'job1' }, f.signedAs(f.alice));
    const session = await f.sessionAuth(text(issued, 'AccessKeyId')!, text(issued, 'SessionToken')!);
    assert.deepEqual(await f.call(action, {}, session), [
      ['Arn', 'arn:aws:sts::111122223333:assumed-role/demo/job1'],
      ['UserId', 'AROADEMOXXXXXXXXXXXXX:job1'],
      ['Account', '111122223333'],
    ]);
  });
});
