import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { QueryApiError } from '../../../query-api/query-error.ts';
import { QueryParameters } from '../../../query-api/query-request.ts';
import { IAM, MAX_ITEMS, MAX_SESSION_DURATION } from './iam-constraints.ts';
import { IamInput } from './iam-input.ts';

const input = (pairs: Record<string, string>) => new IamInput(new QueryParameters(Object.entries(pairs)));

function failure(run: () => void): { code: string; message: string; status: number } {
  try {
    run();
  } catch (e) {
    assert.ok(e instanceof QueryApiError);
    return { code: e.code, message: e.message, status: e.status };
  }
  assert.fail('expected an error');
}

describe('IamInput (sts-iam.md §1.2 grammar)', () => {
  it('accepts valid values', () => {
    const i = input({ UserName: 'alice+ops@x.y', Path: '/a/b/' });
    assert.equal(i.required('UserName', IAM.userName), 'alice+ops@x.y');
    assert.equal(i.optional('Path', IAM.path), '/a/b/');
    i.done();
  });

  it('reports a missing required member as null', () => {
    const i = input({});
    i.required('UserName', IAM.userName);
    assert.deepEqual(failure(() => i.done()), {
      code: 'ValidationError',
      status: 400,
      message: "1 validation error detected: Value null at 'userName' failed to satisfy constraint: Member must not be null",
    });
  });

  it('puts the pattern item before the length item, plural count', () => {
    const i = input({ UserName: '' });
    i.required('UserName', IAM.userName);
    assert.equal(
      failure(() => i.done()).message,
      "2 validation errors detected: Value '' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+; " +
        "Value '' at 'userName' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it('counts length in code points and collects items across members in order', () => {
    const i = input({ RoleName: 'r'.repeat(65), Path: 'nopath' });
    i.optional('Path', IAM.path);
    i.required('RoleName', IAM.roleName);
    assert.equal(
      failure(() => i.done()).message,
      "2 validation errors detected: Value 'nopath' at 'path' failed to satisfy constraint: Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F); " +
        `Value '${'r'.repeat(65)}' at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64`,
    );
    const emoji = input({ Description: '😀'.repeat(1000) });
    emoji.optional('Description', IAM.policyDescription);
    emoji.done();
  });

  it('reads integers like AWS: +0900 is 900, empty and non-numbers are MalformedInput, range is ValidationError', () => {
    assert.equal(input({ MaxItems: '+0900' }).integer('MaxItems', MAX_ITEMS), 900);
    assert.deepEqual(failure(() => input({ MaxItems: '' }).integer('MaxItems', MAX_ITEMS)), {
      code: 'MalformedInput',
      status: 400,
      message: 'missing value for decimal type',
    });
    assert.equal(failure(() => input({ MaxItems: '1.0' }).integer('MaxItems', MAX_ITEMS)).code, 'MalformedInput');
    assert.equal(failure(() => input({ MaxItems: '2147483648' }).integer('MaxItems', MAX_ITEMS)).code, 'MalformedInput');
    const i = input({ MaxSessionDuration: '43201' });
    i.integer('MaxSessionDuration', MAX_SESSION_DURATION);
    assert.equal(
      failure(() => i.done()).message,
      "1 validation error detected: Value '43201' at 'maxSessionDuration' failed to satisfy constraint: Member must have value less than or equal to 43200",
    );
  });

  it('checks enums, booleans, lists and tags', () => {
    const i = input({ Status: 'Enabled', 'ClientIDList.member.1': '', 'Tags.member.1.Key': 'k', 'Tags.member.1.Value': 'v', 'Tags.member.2.Value': 'x' });
    assert.equal(i.enumValue('Status', ['Active', 'Inactive'] as const, { required: true }), undefined);
    assert.deepEqual(i.list('ClientIDList', IAM.clientId), ['']);
    assert.deepEqual(i.tags(), [
      { key: 'k', value: 'v' },
      { key: '', value: 'x' },
    ]);
    assert.equal(
      failure(() => i.done()).message,
      "3 validation errors detected: Value 'Enabled' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]; " +
        "Value '' at 'clientIDList.1.member' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value null at 'tags.2.member.key' failed to satisfy constraint: Member must not be null",
    );
    assert.equal(input({ OnlyAttached: 'TRUE' }).boolean('OnlyAttached'), true);
    assert.equal(failure(() => input({ OnlyAttached: 'yes' }).boolean('OnlyAttached')).code, 'MalformedInput');
  });

  it('limits policy documents to the characters IAM stores', () => {
    const i = input({ PolicyDocument: '{"a":"\u0100"}' });
    i.required('PolicyDocument', IAM.policyDocument);
    assert.match(failure(() => i.done()).message, /Member must satisfy regular expression pattern: \[\\u0009\\u000A\\u000D\\u0020-\\u00FF\]\+$/);
  });
});
