/**
 * The web site of the browser tests: a node:http server on its own port — another origin than
 * Coffer's — serving the uploader page (its script calls Coffer with fetch), the upload forms
 * the tests set, and the landing page a POST upload redirects to.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The page's own JavaScript: what a web app on another origin does with presigned URLs. */
const APP_SCRIPT = String.raw`
window.coffer = {
  /** PUT a File made in the page to a presigned URL; what the page can read of the answer. */
  async put({ url, base64, name, type, headers }) {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const file = new File([bytes], name, { type });
    const res = await fetch(url, { method: 'PUT', body: file, headers });
    return { status: res.status, etag: res.headers.get('etag'), body: await res.text() };
  },
  /**
   * GET a URL, never from the HTTP cache (an object without Cache-Control is heuristically fresh
   * for 10% of its age, so a URL read a moment ago could be answered without asking the server);
   * an S3 error document parsed as the page would.
   */
  async get(url) {
    const res = await fetch(url, { cache: 'no-store' });
    const body = await res.text();
    const doc = new DOMParser().parseFromString(body, 'application/xml');
    const error = {};
    for (const el of doc.querySelectorAll('Error > *')) error[el.tagName] = el.textContent;
    return { status: res.status, contentType: res.headers.get('content-type'), body, error };
  },
};
`;

const APP_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>uploader</title></head>
<body><h1>uploader</h1><script>${APP_SCRIPT}</script></body></html>`;

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A real upload form: the policy's fields as hidden inputs, then the file input (last, as S3 wants). */
export function uploadForm(action: string, fields: Record<string, string>): string {
  const hidden = Object.entries(fields)
    .map(([name, value]) => `  <input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>upload form</title></head><body>
<form id="upload" method="post" action="${escape(action)}" enctype="multipart/form-data">
${hidden}
  <input type="file" name="file">
  <button type="submit">Upload</button>
</form></body></html>`;
}

/** Where success_action_redirect sends the browser: shows what S3 put in the query. */
function landingPage(query: URLSearchParams): string {
  const rows = ['bucket', 'key', 'etag'].map((n) => `<dt>${n}</dt><dd id="${n}">${escape(query.get(n) ?? '')}</dd>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>uploaded</title></head><body><dl>${rows}</dl></body></html>`;
}

export interface PageServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** Serve `html` at `path` (e.g. an upload form made for one test). */
  setPage(path: string, html: string): void;
  /** "METHOD /path?query" of every request received, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startPageServer(): Promise<PageServer> {
  const pages = new Map<string, string>([['/', APP_PAGE]]);
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const url = new URL(req.url ?? '/', 'http://page.invalid');
    const html = url.pathname === '/done' ? landingPage(url.searchParams) : pages.get(url.pathname);
    if (req.method !== 'GET' || html === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    setPage: (path, html) => void pages.set(path, html),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
