import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accessDeniedMessage } from './access-denied-message.ts';
import { A, alice, anonymous, B, rootA, session } from './policy.fixtures.ts';

test('AccessDenied message forms (errors.md §8)', () => {
  const base = { action: 's3:PutObject', resource: 'arn:aws:s3:::photos/dog.jpg', resourceOwner: A, explicit: false, deniedBy: 'identity-based' as const };
  const rows: Array<[Parameters<typeof accessDeniedMessage>[0], string]> = [
    [{ ...base, principal: alice }, `User: arn:aws:iam::${A}:user/alice is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::photos/dog.jpg" because no identity-based policy allows the s3:PutObject action`],
    [{ ...base, principal: alice, explicit: true, deniedBy: 'resource-based' }, `User: arn:aws:iam::${A}:user/alice is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::photos/dog.jpg" with an explicit deny in a resource-based policy`],
    [{ ...base, principal: alice, explicit: true }, `User: arn:aws:iam::${A}:user/alice is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::photos/dog.jpg" with an explicit deny in an identity-based policy`],
    [{ ...base, principal: alice, deniedBy: 'permissions boundary' }, `User: arn:aws:iam::${A}:user/alice is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::photos/dog.jpg" because no permissions boundary allows the s3:PutObject action`],
    [{ ...base, principal: alice, explicit: true, deniedBy: 'permissions boundary' }, `User: arn:aws:iam::${A}:user/alice is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::photos/dog.jpg" with an explicit deny in a permissions boundary`],
    [{ ...base, principal: session(A, 'app', 'job1'), deniedBy: 'session' }, `User: arn:aws:sts::${A}:assumed-role/app/job1 is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::photos/dog.jpg" because no session policy allows the s3:PutObject action`],
    [{ ...base, principal: rootA, explicit: true, deniedBy: 'resource-based' }, `User: arn:aws:iam::${A}:root is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::photos/dog.jpg" with an explicit deny in a resource-based policy`],
    [{ ...base, principal: alice, action: 's3:ListAllMyBuckets', resource: '*', resourceOwner: undefined }, `User: arn:aws:iam::${A}:user/alice is not authorized to perform: s3:ListAllMyBuckets because no identity-based policy allows the s3:ListAllMyBuckets action`],
    [{ ...base, principal: anonymous }, 'Access Denied'],
    [{ ...base, principal: alice, resourceOwner: B }, 'Access Denied'],
    [{ ...base, principal: alice, resourceOwner: B, explicit: true }, 'Access Denied'],
  ];
  for (const [facts, message] of rows) assert.equal(accessDeniedMessage(facts), message);
});
