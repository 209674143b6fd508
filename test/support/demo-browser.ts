import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { startDemoServer, type DemoServer } from './demo-server';

export interface DemoSession {
  server: DemoServer;
  page: Page;
}

/**
 * For a browser test file: a demo server of its own and a Chromium page on a laptop-sized window, started
 * before the file's tests and stopped after them. Read the returned object inside the tests.
 */
export function useDemoInBrowser(): DemoSession {
  const session = {} as DemoSession;
  let browser: Browser | undefined;

  beforeAll(async () => {
    session.server = await startDemoServer();
    browser = await launchChromium();
    session.page = await browser.newPage({ viewport: { width: 1600, height: 940 } });
  });

  afterAll(async () => {
    await browser?.close();
    await session.server?.stop();
  });

  return session;
}
