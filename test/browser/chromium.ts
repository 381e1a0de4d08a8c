/**
 * Headless Debian Chromium (/usr/bin/chromium) driven by playwright-core, which cannot download
 * its own browsers here. A fresh profile per launch, removed on close; the flags keep Chromium
 * from reaching for the network in the background (on a closed network it misbehaves without
 * them). Missing Chromium skips with a reason — unless COFFER_REQUIRE_INTEROP=1 (CI).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { missingTool } from '../interop/run-tool.ts';

export const CHROMIUM = '/usr/bin/chromium';

/** Why the browser tests must be skipped, or false. Throws under COFFER_REQUIRE_INTEROP=1. */
export const missingChromium = (): string | false => missingTool(CHROMIUM, 'chromium');

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'coffer-chromium-'));
  try {
    // launchPersistentContext is how playwright takes a --user-data-dir of our own.
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      timeout: 60_000,
    });
    context.setDefaultTimeout(20_000);
    context.setDefaultNavigationTimeout(20_000);
    return {
      context,
      async close() {
        await context.close().catch(() => {});
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(profile, { recursive: true, force: true });
    throw err;
  }
}

export interface SeenPreflight {
  url: string;
  headers: Record<string, string>;
  status?: number;
  responseHeaders?: Record<string, string>;
}

/**
 * The CORS preflights the browser itself sends for a page. Playwright does not report them
 * (page.on('request') never sees an OPTIONS it did not intercept), so listen on the DevTools
 * protocol, where Chromium marks them with type "Preflight".
 */
export async function recordPreflights(page: Page): Promise<{ seen(): SeenPreflight[]; session: CDPSession }> {
  const session = await page.context().newCDPSession(page);
  const seen = new Map<string, SeenPreflight>();
  session.on('Network.requestWillBeSent', (e) => {
    if (e.type === 'Preflight' || e.initiator.type === 'preflight') seen.set(e.requestId, { url: e.request.url, headers: lower(e.request.headers) });
  });
  session.on('Network.responseReceived', (e) => {
    const p = seen.get(e.requestId);
    if (p) Object.assign(p, { status: e.response.status, responseHeaders: lower(e.response.headers) });
  });
  await session.send('Network.enable');
  return { seen: () => [...seen.values()], session };
}

function lower(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
