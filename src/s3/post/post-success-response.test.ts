import assert from 'node:assert/strict';
import { it } from 'node:test';
import { postSuccessResponse } from './post-success-response.ts';

const object = { bucket: 'examplebucket', key: 'user/user1/photo 1.jpg', etag: 'd41d8cd98f00b204e9800998ecf8427e', location: 'https://examplebucket.s3.amazonaws.com/user/user1/photo%201.jpg' };
const respond = (fields: Record<string, string>) => postSuccessResponse(new Map(Object.entries(fields)), object);

it('204 by default and for any unknown success_action_status; 200 empty', () => {
  for (const status of [undefined, '204', '202', 'abc', '']) {
    const r = respond(status === undefined ? {} : { success_action_status: status });
    assert.equal(r.status, 204);
    assert.equal(r.body, undefined);
    assert.equal(r.headers.etag, '"d41d8cd98f00b204e9800998ecf8427e"');
    assert.equal(r.headers.location, object.location);
  }
  assert.equal(respond({ success_action_status: '200' }).status, 200);
  assert.equal(respond({ success_action_status: '200' }).body, undefined);
});

it('201 with the PostResponse document', () => {
  const r = respond({ success_action_status: '201' });
  assert.equal(r.status, 201);
  assert.equal(r.headers['content-type'], 'application/xml');
  assert.equal(
    r.body,
    '<?xml version="1.0" encoding="UTF-8"?>\n<PostResponse><Location>https://examplebucket.s3.amazonaws.com/user/user1/photo%201.jpg</Location><Bucket>examplebucket</Bucket><Key>user/user1/photo 1.jpg</Key><ETag>&quot;d41d8cd98f00b204e9800998ecf8427e&quot;</ETag></PostResponse>',
  );
});

it('success_action_redirect (or redirect): 303 with bucket, key and the quoted etag appended', () => {
  const r = respond({ success_action_redirect: 'http://example.com/done.html', success_action_status: '201' });
  assert.equal(r.status, 303);
  assert.equal(r.body, undefined);
  assert.equal(r.headers.location, 'http://example.com/done.html?bucket=examplebucket&key=user%2Fuser1%2Fphoto%201.jpg&etag=%22d41d8cd98f00b204e9800998ecf8427e%22');
  assert.equal(respond({ redirect: 'http://example.com/?a=1#top' }).headers.location, 'http://example.com/?a=1&bucket=examplebucket&key=user%2Fuser1%2Fphoto%201.jpg&etag=%22d41d8cd98f00b204e9800998ecf8427e%22#top');
  // success_action_redirect wins over the legacy field.
  assert.match(String(respond({ success_action_redirect: 'http://a.example/', redirect: 'http://b.example/' }).headers.location), /^http:\/\/a\.example\//);
});

it('a redirect that is not a URL is ignored', () => {
  assert.equal(respond({ success_action_redirect: 'not a url' }).status, 204);
});
