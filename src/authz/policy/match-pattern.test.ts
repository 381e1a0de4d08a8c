import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compilePattern } from './compile-pattern.ts';
import { matchPattern, matchPatternSlice } from './match-pattern.ts';
import { RequestContext } from './request-context.ts';

const context = RequestContext.from({
  'aws:username': 'alice',
  'aws:PrincipalTag/team': 'a*b',
  'aws:TagKeys': ['x', 'y'],
  'aws:empty': '',
  'aws:one': ['solo'],
});
const resource = (p: string) => compilePattern(p, { wildcards: true, variables: true, foldCase: false });
const literalVars = (p: string) => compilePattern(p, { wildcards: true, variables: false, foldCase: false });
const action = (p: string) => compilePattern(p, { wildcards: true, variables: false, foldCase: true });
const exact = (p: string) => compilePattern(p, { wildcards: false, variables: true, foldCase: false });

test('resource globs (§2.3): case-sensitive, * spans / and :, ? is one character', () => {
  const cases: Array<[string, string, boolean]> = [
    ['arn:aws:s3:::photos/*', 'arn:aws:s3:::photos/cat.jpg', true],
    ['arn:aws:s3:::photos/*', 'arn:aws:s3:::photos/a/b/c', true],
    ['arn:aws:s3:::photos/*', 'arn:aws:s3:::photos', false],
    ['arn:aws:s3:::photos/*', 'arn:aws:s3:::photos/', true],
    ['arn:aws:s3:::photos*', 'arn:aws:s3:::photos', true],
    ['arn:aws:s3:::photos*', 'arn:aws:s3:::photos-2/x', true],
    ['arn:aws:s3:::Photos/*', 'arn:aws:s3:::photos/x', false],
    ['arn:aws:s3:::photos/*.jpg', 'arn:aws:s3:::photos/a/b.jpg', true],
    ['arn:aws:s3:::photos/*.jpg', 'arn:aws:s3:::photos/a/b.png', false],
    ['arn:aws:s3:::photos/?.jpg', 'arn:aws:s3:::photos/a.jpg', true],
    ['arn:aws:s3:::photos/?.jpg', 'arn:aws:s3:::photos/ab.jpg', false],
    ['arn:aws:s3:::photos/?.jpg', 'arn:aws:s3:::photos/😀.jpg', true],
    ['arn:aws:s3:::photos/a b+c', 'arn:aws:s3:::photos/a b+c', true],
    ['*', 'anything:at/all', true],
    ['arn:*:s3:::*', 'arn:aws:s3:::photos/x', true],
    ['*a*a*a*b', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', false],
    ['**x', 'x', true],
    ['', '', true],
    ['', 'x', false],
  ];
  for (const [p, t, want] of cases) assert.equal(matchPattern(resource(p), t, context), want, `${p} vs ${t}`);
});

test('actions (§2.2): case-insensitive service prefix and name, wildcards', () => {
  const cases: Array<[string, string, boolean]> = [
    ['s3:GetObject', 's3:GetObject', true],
    ['S3:getobject', 's3:GetObject', true],
    ['s3:Get*', 's3:GetObjectAcl', true],
    ['s3:*Object*', 's3:PutObjectTagging', true],
    ['s3:?etObject', 's3:GetObject', true],
    ['s3:?etObject', 's3:PutObject', false],
    ['s3:Get*', 's3-object-lambda:GetObject', false],
    ['*', 'iam:CreateUser', true],
    ['s3:List*', 's3:ListBucket', true],
  ];
  for (const [p, t, want] of cases) assert.equal(matchPattern(action(p), t, undefined), want, `${p} vs ${t}`);
});

test('policy variables (§4): substitution before matching, defaults, escapes, unresolved', () => {
  const cases: Array<[string, string, boolean]> = [
    ['home/${aws:username}/*', 'home/alice/notes.txt', true],
    ['home/${aws:username}/*', 'home/bob/notes.txt', false],
    ['home/${AWS:UserName}', 'home/alice', true], // key names are case-insensitive
    ['home/${aws:username}', 'home/ALICE', false], // values are not
    // Substituted text is literal: the tag value a*b does not act as a wildcard.
    ['${aws:PrincipalTag/team}', 'a*b', true],
    ['${aws:PrincipalTag/team}', 'axxb', false],
    ['${*}', '*', true],
    ['${*}', 'x', false],
    ['a${?}', 'a?', true],
    ['a${?}', 'ab', false],
    ['${$}{x}', '${x}', true],
    ["${aws:missing, 'company-wide'}/*", 'company-wide/x', true],
    ["${aws:username, 'company-wide'}/*", 'alice/x', true],
    ["${aws:missing,'d'}", 'd', true],
    ['${aws:missing}/*', '/x', false], // unresolved: the pattern matches nothing
    ['*${aws:missing}*', 'anything', false],
    ['${aws:TagKeys}', 'x', false], // multivalued keys cannot be variables
    ['${aws:one}', 'solo', true], // a one-element set is a single value
    ['a${aws:empty}b', 'ab', true],
    ['*${aws:username}*', 'xxalicexx', true],
    ['*${aws:username}', 'alicalice', true],
    ['${unterminated', '${unterminated', true],
    ['${}', '${}', true],
    ['${constructor}', '', false], // an unknown key, not an escape: unresolved
  ];
  for (const [p, t, want] of cases) assert.equal(matchPattern(resource(p), t, context), want, `${p} vs ${t}`);
  // Without variables (2008-10-17, or Action), `${…}` is literal text.
  assert.equal(matchPattern(literalVars('home/${aws:username}'), 'home/${aws:username}', context), true);
  assert.equal(matchPattern(literalVars('home/${aws:username}'), 'home/alice', context), false);
});

test('exact patterns treat * and ? as text but still substitute variables', () => {
  assert.equal(matchPattern(exact('a*'), 'a*', context), true);
  assert.equal(matchPattern(exact('a*'), 'abc', context), false);
  assert.equal(matchPattern(exact('${aws:username}'), 'alice', context), true);
});

test('slices match a part of the text only', () => {
  const text = 'arn:aws:iam::111122223333:user/alice';
  assert.equal(matchPatternSlice(resource('1111*'), text, 13, 25, context), true);
  assert.equal(matchPatternSlice(resource('*'), text, 8, 8, context), true);
  assert.equal(matchPatternSlice(resource('iam'), text, 8, 11, context), true);
});

test('long patterns compile', () => {
  const long = 'a'.repeat(200_000);
  assert.equal(matchPattern(resource(`${long}*`), `${long}b`, context), true);
});
