import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IamError } from '../iam-error.ts';
import { paginate } from './paginate.ts';

describe('paginate (IAM Marker / MaxItems)', () => {
  const all = ['a', 'b', 'c', 'd', 'e'];
  const key = (s: string) => s;

  it('pages through with the marker it hands out', () => {
    const first = paginate(all, key, { maxItems: 2 });
    assert.deepEqual(first.items, ['a', 'b']);
    assert.ok(first.marker);
    const second = paginate(all, key, { maxItems: 2, marker: first.marker });
    assert.deepEqual(second.items, ['c', 'd']);
    const third = paginate(all, key, { maxItems: 2, marker: second.marker });
    assert.deepEqual(third, { items: ['e'], marker: undefined });
  });

  it('defaults to 100 items; continues by position when the marked item is gone', () => {
    assert.equal(paginate(all, key, {}).marker, undefined);
    const first = paginate(all, key, { maxItems: 2 });
    assert.deepEqual(paginate(['a', 'c', 'd', 'e'], key, { maxItems: 2, marker: first.marker }).items, ['c', 'd']);
  });

  it('refuses a marker it did not issue', () => {
    assert.throws(() => paginate(all, key, { marker: 'garbage' }), (e) => e instanceof IamError && e.code === 'InvalidInput');
  });
});
