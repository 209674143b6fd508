import path from 'node:path';
import { screenshotDir } from '../support/browser';
import { useDemoInBrowser } from '../support/demo-browser';

jest.setTimeout(120_000);

describe('the customer is viewing now (browser)', () => {
  const demo = useDemoInBrowser();

  it('shows 正在浏览 and the new timeline entry in 李雷’s sidebar when 王小明 opens a product on his phone', async () => {
    await demo.page.goto(`${demo.server.url}/demo/`);
    const sidebar = demo.page.frameLocator('[data-testid="demo-sidebar-frame"]');
    await sidebar.locator('[data-testid="customer-name"]').waitFor({ timeout: 30_000 });
    await expect(sidebar.locator('[data-testid="customer-name"]').innerText()).resolves.toContain('王小明');

    const products = (await (await fetch(`${demo.server.url}/api/catalog/products`)).json()) as { items: { id: string; name: string }[] };
    const serum = products.items.find((product) => product.name === '精华护肤套装')!;
    await demo.page.evaluate((productId) => {
      const phone = document.querySelector<HTMLIFrameElement>('[data-testid="demo-phone-frame"]')!;
      phone.src = `/mp/?wxUser=o_demo_wang#/pages/product/index?id=${productId}`;
    }, serum.id);
    const phone = demo.page.frameLocator('[data-testid="demo-phone-frame"]');
    await phone.getByText('精华护肤套装').first().waitFor({ timeout: 30_000 });

    const viewing = sidebar.locator('[data-testid="live-viewing"]');
    await viewing.waitFor({ timeout: 20_000 });
    await expect(viewing.innerText()).resolves.toContain('正在浏览《精华护肤套装》');
    await sidebar.locator('[data-testid="timeline-entry"]', { hasText: '浏览了《精华护肤套装》' }).first().waitFor({ timeout: 10_000 });
    await demo.page.screenshot({ path: path.join(screenshotDir, 'demo-live-signal.png') });
  });
});
