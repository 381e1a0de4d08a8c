import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JsonNumber, readStrictJson } from './read-strict-json.ts';

test('reads JSON into Maps, keeping number text', () => {
  const r = readStrictJson('{"a": [1.50, true, null, "x\\u0041\\n"], "b": {}}');
  assert.ok(r.ok);
  const m = r.value as Map<string, unknown>;
  assert.deepEqual(m.get('a'), [new JsonNumber('1.50'), true, null, 'xA\n']);
  assert.deepEqual(m.get('b'), new Map());
});

test('rejects duplicate keys at any depth and malformed JSON', () => {
  assert.deepEqual(readStrictJson('{"a":1,"a":2}'), { ok: false, problem: 'duplicate-key' });
  assert.deepEqual(readStrictJson('{"c":{"x":1,"x":1}}'), { ok: false, problem: 'duplicate-key' });
  for (const bad of ['{', '{"a":}', '{"a":1,}', '[1,]', '{"a":01}', "{'a':1}", '{"a":"\\x"}', '{"a":"\n"}', '{} {}', '']) {
    assert.deepEqual(readStrictJson(bad), { ok: false, problem: 'invalid' }, bad);
  }
  // Same key in different objects is fine.
  assert.equal(readStrictJson('[{"a":1},{"a":2}]').ok, true);
});

test('absurd nesting is invalid JSON, not a crash', () => {
  assert.deepEqual(readStrictJson('['.repeat(1_000_000)), { ok: false, problem: 'invalid' });
});
