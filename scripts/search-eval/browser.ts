// Headless Chromium driving the Pagefind JS API of a served bundle: run queries, and count the bytes they fetch (CDP).
import type { Browser, CDPSession, Page } from 'playwright-core';
export { launchChromium as launchBrowser } from '../lib/chromium.ts';

/** Where a page finds its Pagefind: the bundle it imports, plus the bundles it merges in (the sharded variant). */
export interface BundleSetup {
  /** site path of the primary bundle folder, ending in `/`, e.g. `/_eval/1.6.0/pagefind/` */
  bundle: string;
  /** site paths of further bundles passed to `pagefind.mergeIndex` */
  merges: string[];
}

export interface ResultSummary {
  url: string;
  /** the page's 发文字号 meta ('' when absent) */
  docNumber: string;
  title: string;
}

export interface QueryOutcome {
  query: string;
  /** number of results Pagefind returned */
  total: number;
  /** the first `top` results, loaded with data() */
  top: ResultSummary[];
}

/** A fresh context (empty cache) with one page opened on `origin`; close it when done. */
export async function openPage(browser: Browser, origin: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(origin, { waitUntil: 'networkidle' }); // the page's own requests (CSS, favicon) are over before any counting
  return { page, close: () => context.close() };
}

/**
 * The in-page code, kept as a plain JavaScript string: functions handed to page.evaluate are serialised with
 * toString(), and tsx's transform can add helpers to them that do not exist in the page.
 */
const SEARCH_IN_PAGE = `async ({ bundle, merges, queries, top }) => {
  const pagefind = await import(bundle + 'pagefind.js');
  for (const merge of merges) await pagefind.mergeIndex(merge);
  await pagefind.init();
  const outcomes = [];
  for (const query of queries) {
    const search = await pagefind.search(query);
    const data = await Promise.all(search.results.slice(0, top).map((result) => result.data()));
    outcomes.push({
      query,
      total: search.results.length,
      top: data.map((item) => ({ url: item.url, docNumber: item.meta['发文字号'] ?? '', title: item.meta.title ?? '' })),
    });
  }
  return outcomes;
}`;

/** Import the bundle, merge the others, init, then run each query and load the data of its first `top` results. */
export async function searchInPage(page: Page, setup: BundleSetup, queries: string[], top: number): Promise<QueryOutcome[]> {
  const args = JSON.stringify({ bundle: setup.bundle, merges: setup.merges, queries, top });
  return (await page.evaluate(`(${SEARCH_IN_PAGE})(${args})`)) as QueryOutcome[];
}

export interface Transfer {
  url: string;
  /** CDP Network.loadingFinished encodedDataLength: bytes on the wire, headers included */
  bytes: number;
}

/**
 * Counts what the page and its web workers fetch. Pagefind 1.6 fetches its index from a dedicated worker, whose
 * requests the page's own CDP session never sees; so workers are auto-attached (non-flattened sessions, talked to
 * through Target.sendMessageToTarget) and their Network events counted too.
 */
export class NetworkMeter {
  readonly transfers: Transfer[] = [];
  private readonly urls = new Map<string, string>();

  private constructor(private readonly cdp: CDPSession) {}

  static async attach(page: Page): Promise<NetworkMeter> {
    const cdp = await page.context().newCDPSession(page);
    const meter = new NetworkMeter(cdp);
    cdp.on('Network.requestWillBeSent', (event) => meter.urls.set(`page:${event.requestId}`, event.request.url));
    cdp.on('Network.responseReceived', (event) => meter.urls.set(`page:${event.requestId}`, event.response.url));
    cdp.on('Network.loadingFinished', (event) => meter.finished(`page:${event.requestId}`, event.encodedDataLength));
    cdp.on('Target.attachedToTarget', (event) => void meter.enableWorker(event.sessionId));
    cdp.on('Target.receivedMessageFromTarget', (event) => meter.workerMessage(event.sessionId, event.message));
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
    return meter;
  }

  /** Forget everything counted so far (call after the page has loaded, before the query). */
  reset(): void {
    this.transfers.length = 0;
  }

  private finished(key: string, bytes: number): void {
    this.transfers.push({ url: this.urls.get(key) ?? '(unknown)', bytes });
  }

  private async enableWorker(sessionId: string): Promise<void> {
    for (const [id, method] of [[1, 'Network.enable'], [2, 'Runtime.runIfWaitingForDebugger']] as const) {
      await this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) }).catch(() => undefined);
    }
  }

  private workerMessage(sessionId: string, text: string): void {
    const message = JSON.parse(text) as { method?: string; params?: Record<string, unknown> };
    const params = message.params ?? {};
    const key = `${sessionId}:${String(params.requestId)}`;
    if (message.method === 'Network.requestWillBeSent') this.urls.set(key, (params.request as { url: string }).url);
    if (message.method === 'Network.responseReceived') this.urls.set(key, (params.response as { url: string }).url);
    if (message.method === 'Network.loadingFinished') this.finished(key, params.encodedDataLength as number);
  }
}
