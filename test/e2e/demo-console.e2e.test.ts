import fs from 'node:fs';
import path from 'node:path';
import { screenshotDir } from '../support/browser';
import { useDemoInBrowser } from '../support/demo-browser';
import { decodeQr } from '../../server/src/integrations/sandbox/decode-qr.testing';
import { DEMO_CREDENTIALS } from '../../server/src/platform/config/config';

jest.setTimeout(120_000);

describe('demo console (browser)', () => {
  const demo = useDemoInBrowser();

  it('shows the sidebar identifying the open external contact through the simulated WeCom bridge', async () => {
    await demo.page.goto(`${demo.server.url}/demo/`);
    const sidebar = demo.page.frameLocator('[data-testid="demo-sidebar-frame"]');
    await sidebar.locator('[data-testid="staff-name"]').waitFor({ timeout: 30_000 });
    await expect(sidebar.locator('[data-testid="staff-name"]').innerText()).resolves.toContain('李雷');
    await expect(sidebar.locator('[data-testid="external-userid"]').innerText()).resolves.toContain('wm_demo_wang');
  });

  it("shows the open customer's 360, synced from the sandbox WeCom, in the sidebar", async () => {
    const sidebar = demo.page.frameLocator('[data-testid="demo-sidebar-frame"]');
    await sidebar.locator('[data-testid="customer-name"]').waitFor({ timeout: 30_000 });
    await expect(sidebar.locator('[data-testid="customer-name"]').innerText()).resolves.toContain('王小明');
    const tags = await sidebar.locator('[data-testid="customer-tag"]').allInnerTexts();
    expect(tags).toEqual(expect.arrayContaining(['A类客户', '已购']));
    await expect(sidebar.locator('[data-testid="customer-followers"]').innerText()).resolves.toContain('张伟');
  });

  it('adds a tag from the sidebar and the sandbox WeCom has it on 李雷’s relationship', async () => {
    const sidebar = demo.page.frameLocator('[data-testid="demo-sidebar-frame"]');
    await sidebar.locator('[data-testid="edit-tags"]').click();
    await sidebar.locator('[data-testid="tag-option"]', { hasText: 'B类客户' }).click();
    await sidebar.locator('[data-testid="save-tags"]').click();
    await sidebar.locator('[data-testid="customer-tag"]', { hasText: 'B类客户' }).waitFor({ timeout: 10_000 });

    // Read WeCom's side the way any WeCom API client would: a token, then externalcontact/get.
    const wecom = `${demo.server.url}/sandbox/wecom/cgi-bin`;
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
    const phone = demo.page.frameLocator('[data-testid="demo-phone-frame"]');
    await phone.locator('.home-greeting').waitFor({ timeout: 30_000 });
    await expect(phone.locator('.home-greeting').innerText()).resolves.toBe('你好，王小明');
    fs.mkdirSync(screenshotDir, { recursive: true });
    await demo.page.screenshot({ path: path.join(screenshotDir, 'demo-console.png') });
  });

  it('sends a script from the sidebar with one tap, and it appears in the simulated chat, filled for 王小明', async () => {
    const sidebar = demo.page.frameLocator('[data-testid="demo-sidebar-frame"]');
    await sidebar.locator('[data-testid="tab-scripts"]').click();
    const greeting = sidebar.locator('[data-testid="script-item"]', { hasText: '首次问候' }).first();
    await greeting.waitFor({ timeout: 15_000 });
    await greeting.locator('[data-testid="send-script"]').click();
    await expect(greeting.locator('[data-testid="script-send-status"]').innerText({ timeout: 15_000 })).resolves.toBe('已发送');
    const sent = demo.page.locator('[data-testid="chat-message"][data-msgtype="text"]', { hasText: '王小明（老客户）您好，我是销售顾问李雷' });
    await sent.waitFor({ timeout: 10_000 });
  });

  it('sends a personalised poster; scanning its code opens the mini-program and lands on 王小明’s timeline', async () => {
    const sidebar = demo.page.frameLocator('[data-testid="demo-sidebar-frame"]');
    await sidebar.locator('[data-testid="tab-posters"]').click();
    await sidebar.locator('[data-testid="poster-template"]', { hasText: '双11 邀请函' }).click();
    await sidebar.locator('[data-testid="poster-preview"]').waitFor({ timeout: 15_000 });
    await sidebar.locator('[data-testid="send-poster"]').click();
    await expect(sidebar.locator('[data-testid="poster-send-status"]').innerText({ timeout: 15_000 })).resolves.toBe('已发送');

    // The customer's side: the poster arrives as an image; a phone camera reads its code.
    const image = demo.page.locator('[data-testid="chat-message"][data-msgtype="image"] [data-testid="chat-image"]').last();
    await image.waitFor({ timeout: 10_000 });
    const bytes = Buffer.from(await (await fetch(new URL((await image.getAttribute('src'))!, demo.server.url))).arrayBuffer());
    const code = await decodeQr(bytes);
    expect([code.width, code.height]).toEqual([750, 1200]);
    const landing = new URL(code.text!);
    expect(landing.hash).toMatch(/^#\/pages\/index\/index\?scene=p[0-9A-Za-z]{11}$/);

    // 王小明 opens it on his phone (the demo's phone frame runs the mini-program H5).
    await demo.page.evaluate((hash) => {
      const frame = document.querySelector<HTMLIFrameElement>('[data-testid="demo-phone-frame"]')!;
      // A scan launches the mini-program afresh: a new address, not just a new hash on the open demo.page.
      frame.src = `/mp/?wxUser=o_demo_wang&launch=scan${hash}`;
    }, landing.hash);
    const phone = demo.page.frameLocator('[data-testid="demo-phone-frame"]');
    await expect(phone.locator('.home-referral').innerText({ timeout: 30_000 })).resolves.toContain('李雷 邀请您查看《双11 邀请函》');

    await demo.page.evaluate(() => document.querySelector<HTMLIFrameElement>('[data-testid="demo-sidebar-frame"]')!.contentWindow!.location.reload());
    await sidebar.locator('[data-testid="timeline-entry"]', { hasText: '客户扫码打开了 李雷 的海报《双11 邀请函》' }).waitFor({ timeout: 30_000 });
    await expect(sidebar.locator('[data-testid="timeline-entry"]', { hasText: '李雷 发送了海报《双11 邀请函》' }).count()).resolves.toBe(1);
    await demo.page.screenshot({ path: path.join(screenshotDir, 'demo-content.png') });
  });
});
