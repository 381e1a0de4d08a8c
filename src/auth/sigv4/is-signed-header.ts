/**
 * Whether `name` is one of the `;`-separated names of a SignedHeaders list (`host;x-amz-date`).
 * Searches the list as sent rather than splitting it: this runs for every x-amz-* header of
 * every signed request.
 */
export function isSignedHeader(signedHeaders: string, name: string): boolean {
  let from = 0;
  for (;;) {
    const at = signedHeaders.indexOf(name, from);
    if (at === -1) return false;
    const end = at + name.length;
    if ((at === 0 || signedHeaders.charCodeAt(at - 1) === SEMICOLON) && (end === signedHeaders.length || signedHeaders.charCodeAt(end) === SEMICOLON)) {
      return true;
    }
    from = at + 1;
  }
}

const SEMICOLON = 0x3b;
