import path from 'node:path';
import { screenshotDir } from '../support/browser';
import { useDemoInBrowser } from '../support/demo-browser';

jest.setTimeout(120_000);

describe('代客下单 paid on the phone (browser)', () => {
  const demo = useDemoInBrowser();

  it('李雷 places an order for 王小明 and sends it; 王小明 pays in the mini-program; the sidebar shows it paid', async () => {
    await demo.page.goto(`${demo.server.url}/demo/`);
    const sidebar = demo.page.frameLocator('[data-testid="demo-sidebar-frame"]');
    await sidebar.locator('[data-testid="customer-name"]').waitFor({ timeout: 30_000 });

    await sidebar.locator('[data-testid="tab-orders"]').click();
    await sidebar.locator('[data-testid="new-order"]').click();
    const serum = sidebar.locator('[data-testid="order-product"]', { hasText: '精华护肤套装' });
    await serum.locator('input[type="checkbox"]').check();
    await serum.locator('[data-testid="order-quantity"]').fill('2');
    await sidebar.locator('[data-testid="order-discount"]').fill('30');
    await sidebar.locator('[data-testid="place-order"]').click();
    await expect(sidebar.locator('[data-testid="order-send-status"]').innerText({ timeout: 15_000 })).resolves.toBe('已发送');

    // 王小明 taps the card in the chat: his phone opens the order's pay demo.page.
    await demo.page.locator('[data-testid="chat-miniprogram-card"]').last().click();
    const phone = demo.page.frameLocator('[data-testid="demo-phone-frame"]');
    await phone.getByText('¥768.00').first().waitFor({ timeout: 30_000 });
    await phone.getByText('立即支付', { exact: true }).click();
    await phone.getByText('确认支付').click();
    await phone.getByText('支付成功').waitFor({ timeout: 20_000 });

    // The demo history already holds one paid order of ¥399.00 for 王小明.
    await sidebar.locator('[data-testid="orders-ltv"]', { hasText: '¥1,167.00' }).waitFor({ timeout: 15_000 });
    await expect(sidebar.locator('[data-testid="order-row"][data-status="paid"]').count()).resolves.toBe(2);
    await demo.page.screenshot({ path: path.join(screenshotDir, 'demo-order-paid.png') });
  });
});
