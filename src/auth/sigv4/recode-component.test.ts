import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recodeComponent } from './recode-component.ts';

const PATH = { keepSlash: true, plusAsSpace: false } as const;
const QUERY = { keepSlash: false, plusAsSpace: true } as const;

test('canonical text comes back unchanged (fast path)', () => {
  assert.equal(recodeComponent('/photos/Jan/sample.jpg', PATH), '/photos/Jan/sample.jpg');
  assert.equal(recodeComponent('-._~AZaz09', QUERY), '-._~AZaz09');
});

test('decodes then re-encodes once, upper-case hex, unreserved characters unescaped', () => {
  const cases: Array<[string, string]> = [
    ['/test$file.text', '/test%24file.text'],
    ['/test%24file.text', '/test%24file.text'],
    ['/a%2fb', '/a/b'],
    ['/%7e%7E~', '/~~~'],
    ['/a%3ab', '/a%3Ab'],
    ['/a b', '/a%20b'],
    ['/a%20b', '/a%20b'],
    ['/é', '/%C3%A9'],
    ['/%C3%A9', '/%C3%A9'],
    ['/😀', '/%F0%9F%98%80'],
    ['/%FF', '/%FF'],
    ["/!'()*", '/%21%27%28%29%2A'],
  ];
  for (const [raw, expected] of cases) assert.equal(recodeComponent(raw, PATH), expected, raw);
});

test('paths keep a literal + as a + byte; queries read it as a space', () => {
  assert.equal(recodeComponent('/a b+c', PATH), '/a%20b%2Bc');
  assert.equal(recodeComponent('/a%2Bc', PATH), '/a%2Bc');
  assert.equal(recodeComponent('a+b', QUERY), 'a%20b');
  assert.equal(recodeComponent('a%2Bb', QUERY), 'a%2Bb');
});

test('/ is kept in paths and encoded in queries', () => {
  assert.equal(recodeComponent('a/b', QUERY), 'a%2Fb');
  assert.equal(recodeComponent('a%2Fb', QUERY), 'a%2Fb');
  assert.equal(recodeComponent('a=b', QUERY), 'a%3Db');
});

test('a % without two hex digits is a literal %', () => {
  assert.equal(recodeComponent('/100%', PATH), '/100%25');
  assert.equal(recodeComponent('/%zz', PATH), '/%25zz');
  assert.equal(recodeComponent('/%4', PATH), '/%254');
});
