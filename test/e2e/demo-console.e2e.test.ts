import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotDir } from '../support/browser';
import { startDemoServer, type DemoServer } from '../support/demo-server';
import { DEMO_CREDENTIALS } from '../../server/src/platform/config/config';

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

  it('adds a tag from the sidebar and the sandbox WeCom has it on 李雷’s relationship', async () => {
    const sidebar = page.frameLocator('[data-testid="demo-sidebar-frame"]');
    await sidebar.locator('[data-testid="edit-tags"]').click();
    await sidebar.locator('[data-testid="tag-option"]', { hasText: 'B类客户' }).click();
    await sidebar.locator('[data-testid="save-tags"]').click();
    await sidebar.locator('[data-testid="customer-tag"]', { hasText: 'B类客户' }).waitFor({ timeout: 10_000 });

    // Read WeCom's side the way any WeCom API client would: a token, then externalcontact/get.
    const wecom = `${server.url}/sandbox/wecom/cgi-bin`;
    const { access_token: token } = await (await fetch(`${wecom}/gettoken?corpid=${DEMO_CREDENTIALS.corpId}&corpsecret=${DEMO_CREDENTIALS.agentSecret}`)).json();
    const lileiTagIds = async () => {
      const contact = await (await fetch(`${wecom}/externalcontact/get?access_token=${token}&external_userid=wm_demo_wang`)).json();
      const follow = contact.follow_user.find((f: { userid: string }) => f.userid === 'lilei');
      return follow.tags.map((t: { tag_name: string }) => t.tag_name) as string[];
    };
    const deadline = Date.now() + 10_000;
    while (!(await lileiTagIds()).includes('B类客户') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await lileiTagIds()).toContain('B类客户');
  });

  it('shows the mini-program H5 home page logged in as the phone holder', async () => {
    const phone = page.frameLocator('[data-testid="demo-phone-frame"]');
    await phone.locator('.home-greeting').waitFor({ timeout: 30_000 });
    await expect(phone.locator('.home-greeting').innerText()).resolves.toBe('你好，王小明');
    fs.mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotDir, 'demo-console.png') });
  });
});
