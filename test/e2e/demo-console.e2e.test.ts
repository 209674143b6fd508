import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotDir } from '../support/browser';
import { startDemoServer, type DemoServer } from '../support/demo-server';

jest.setTimeout(120_000);

describe('demo console (browser)', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 940 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the sidebar identifying the open external contact through the simulated WeCom bridge', async () => {
    await page.goto(`${server.url}/demo/`);
    const sidebar = page.frameLocator('[data-testid="demo-sidebar-frame"]');
    await sidebar.locator('[data-testid="staff-name"]').waitFor({ timeout: 30_000 });
    await expect(sidebar.locator('[data-testid="staff-name"]').innerText()).resolves.toContain('李雷');
    await expect(sidebar.locator('[data-testid="external-userid"]').innerText()).resolves.toContain('wm_demo_wang');
  });

  it("shows the open customer's 360, synced from the sandbox WeCom, in the sidebar", async () => {
    const sidebar = page.frameLocator('[data-testid="demo-sidebar-frame"]');
    await sidebar.locator('[data-testid="customer-name"]').waitFor({ timeout: 30_000 });
    await expect(sidebar.locator('[data-testid="customer-name"]').innerText()).resolves.toContain('王小明');
    const tags = await sidebar.locator('[data-testid="customer-tag"]').allInnerTexts();
    expect(tags).toEqual(expect.arrayContaining(['A类客户', '已购']));
    await expect(sidebar.locator('[data-testid="customer-followers"]').innerText()).resolves.toContain('张伟');
  });

  it('shows the mini-program H5 home page logged in as the phone holder', async () => {
    const phone = page.frameLocator('[data-testid="demo-phone-frame"]');
    await phone.locator('.home-greeting').waitFor({ timeout: 30_000 });
    await expect(phone.locator('.home-greeting').innerText()).resolves.toBe('你好，王小明');
    fs.mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotDir, 'demo-console.png') });
  });
});
