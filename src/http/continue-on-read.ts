import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * `Expect: 100-continue` (sent by the aws CLI and boto3): the client waits before sending the
 * body. We send `100 Continue` only when a handler first reads the body, so a request that fails
 * authentication or validation is refused before a single body byte crosses the wire.
 * Returns a function telling whether the continue was sent.
 */
export function continueOnFirstRead(req: IncomingMessage, res: ServerResponse): () => boolean {
  let sent = false;
  const readable = req as IncomingMessage & { _read(size: number): void };
  const original = readable._read;
  readable._read = function (this: IncomingMessage, size: number) {
    if (!sent) {
      sent = true;
      res.writeContinue();
    }
    readable._read = original;
    return original.call(this, size);
  };
  return () => sent;
}
