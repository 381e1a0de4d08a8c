import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeUriPath } from './normalize-uri-path.ts';

test('dot segments and duplicate slashes go, as in the AWS vectors with normalize: true', () => {
  const cases: Array<[string, string]> = [
    ['/', '/'],
    ['//', '/'],
    ['/./', '/'],
    ['/example/..', '/'],
    ['/example1/example2/../..', '/'],
    ['/./example', '/example'],
    ['//example//', '/example/'],
    ['/a/b/../c/', '/a/c/'],
    ['/..', '/'],
    ['/a/./b/.', '/a/b'],
  ];
  for (const [raw, expected] of cases) assert.equal(normalizeUriPath(raw), expected, raw);
});
