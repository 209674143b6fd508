import path from 'node:path';
import { screenshotDir } from '../support/browser';
import { useDemoInBrowser } from '../support/demo-browser';

jest.setTimeout(120_000);

describe('渠道活码 (browser)', () => {
  const demo = useDemoInBrowser();

  it('a customer adds 李雷 through a store channel code: the greeting appears in the chat and the channel’s tag on the profile', async () => {
    await demo.page.goto(`${demo.server.url}/demo/`);
    const sidebar = demo.page.frameLocator('[data-testid="demo-sidebar-frame"]');
    await sidebar.locator('[data-testid="staff-name"]').waitFor({ timeout: 30_000 });

    // 陈静 (the admin) sets up the channel, as she would in the console.
    await demo.page.getByTestId('demo-member-picker').selectOption('chenjing');
    // The sidebar signs her in through the sandbox OAuth; wait until the session is hers.
    await demo.page.waitForFunction(async () => (await (await fetch('/api/auth/me')).json())?.staff?.userid === 'chenjing', undefined, { timeout: 30_000, polling: 500 });
    const createChannel = () => demo.page.evaluate(async () => {
      const response = await fetch('/api/channels', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: '门店活码',
          group: '门店',
          assignment: { mode: 'single', userid: 'lilei' },
          tagIds: ['et_source_store'],
          welcome: { text: '{{客户称呼}}您好，欢迎来到知客门店！我是您的顾问{{销售姓名}}。' },
        }),
      });
      return { status: response.status, body: await response.json() };
    });
    // The demo's frames sign in again after the member switch; a request in between finds no session (and creates nothing).
    let created = await createChannel();
    for (let attempt = 0; created.status === 401 && attempt < 20; attempt += 1) {
      await demo.page.waitForTimeout(500);
      created = await createChannel();
    }
    expect(created.status).toBe(201);
    const { configId } = created.body.channel as { configId: string };

    // 赵丽 scans the code with WeChat.
    const scan = await fetch(`${demo.server.url}/sandbox/demo/contact-ways/${configId}/scan`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid: 'o_demo_zhao' }) });
    expect(scan.status).toBe(200);

    // Back as 李雷: 赵丽 is in his chats, greeted, and tagged 门店.
    await demo.page.getByTestId('demo-member-picker').selectOption('lilei');
    // The demo reads the member's chats when it loads, like a WeCom client opening.
    await demo.page.reload();
    // Let the sidebar finish with the chat that opens first before switching chats. Under a full CI load this
    // test once waited in vain for 赵丽's 360 right after the reload (cause not pinned down); switching only
    // after the first load keeps the two apart.
    await sidebar.locator('[data-testid="customer-name"]').waitFor({ timeout: 30_000 });
    const chat = demo.page.locator('[data-testid="demo-chat-item"]', { hasText: '赵丽' });
    await chat.waitFor({ timeout: 30_000 });
    await chat.click();
    await demo.page.locator('[data-testid="chat-message"][data-welcome="true"]', { hasText: '赵丽您好，欢迎来到知客门店！我是您的顾问李雷。' }).waitFor({ timeout: 20_000 });
    await sidebar.locator('[data-testid="customer-name"]', { hasText: '赵丽' }).waitFor({ timeout: 45_000 });
    await sidebar.locator('[data-testid="customer-tag"]', { hasText: '门店' }).waitFor({ timeout: 15_000 });
    await sidebar.locator('[data-testid="timeline-entry"]', { hasText: '李雷 添加了客户（扫描二维码 · 渠道 门店活码）' }).waitFor({ timeout: 10_000 });
    await demo.page.screenshot({ path: path.join(screenshotDir, 'demo-channel-code.png') });
  });
});
