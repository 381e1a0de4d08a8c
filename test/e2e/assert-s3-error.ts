/**
 * Asserting what a user sees when S3 refuses: the SDK's error name (the S3 code), its message,
 * the HTTP status, and the extra XML fields of the error document.
 */
import assert from 'node:assert/strict';

export interface ExpectedS3Error {
  code: string;
  status: number;
  message?: string;
  /** Fields of the <Error> document, as the SDK exposes them on the exception. */
  fields?: Record<string, string>;
}

export async function assertS3Error(promise: Promise<unknown>, expected: ExpectedS3Error): Promise<void> {
  try {
    await promise;
  } catch (e) {
    const err = e as { name?: string; Code?: string; message?: string; $metadata?: { httpStatusCode?: number } } & Record<string, unknown>;
    assert.equal(err.$metadata?.httpStatusCode, expected.status, `status of ${err.name}: ${err.message}`);
    assert.equal(err.Code ?? err.name, expected.code, `code (message: ${err.message})`);
    if (expected.message !== undefined) assert.equal(err.message, expected.message);
    for (const [k, v] of Object.entries(expected.fields ?? {})) assert.equal(err[k], v, `field ${k}`);
    return;
  }
  assert.fail(`expected ${expected.code}, but the request succeeded`);
}
