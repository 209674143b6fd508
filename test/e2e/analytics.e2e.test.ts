import path from 'node:path';
import { DRILL_DOWN_CSV_COLUMNS } from '@zhike/shared/analytics';
import { screenshotDir } from '../support/browser';
import { useDemoInBrowser } from '../support/demo-browser';

jest.setTimeout(120_000);

describe('数据分析 in the demo console (browser)', () => {
  const demo = useDemoInBrowser();
  const consoleFrame = () => demo.page.frameLocator('[data-testid="demo-console-frame"]');
  const signInAsManager = async () => {
    await demo.page.goto(`${demo.server.url}/demo/`);
    await demo.page.frameLocator('[data-testid="demo-sidebar-frame"]').locator('[data-testid="staff-name"]').waitFor({ timeout: 30_000 });
    await demo.page.getByTestId('demo-member-picker').selectOption('zhangwei');
    await demo.page.waitForFunction(async () => (await (await fetch('/api/auth/me')).json())?.staff?.userid === 'zhangwei', undefined, { timeout: 30_000, polling: 500 });
  };

  it('张伟 (the sales manager) sees the funnel of the last 30 days, and drills from 已下单 to its customers', async () => {
    await signInAsManager();

    await consoleFrame().locator('[data-testid="console-nav-analytics"]').click({ timeout: 30_000 });
    const ordered = consoleFrame().locator('[data-testid="drill-funnel-ordered"]');
    await ordered.waitFor({ timeout: 30_000 });
    // The demo's last weeks (server/src/demo/demo-history.seed.ts), as 张伟's two departments see them: 赵丽,
    // 郑秀英, 吴杰, 冯磊 and 何娜 first came in the range; 郑秀英 and 吴杰 bought, 吴杰 twice.
    const steps = ['visitor', 'fan', 'contact', 'engaged', 'ordered', 'repeat'];
    const counts = await Promise.all(steps.map((step) => consoleFrame().locator(`[data-testid="drill-funnel-${step}"]`).innerText()));
    expect(counts).toEqual(['3', '5', '4', '3', '2', '1']);

    await ordered.click();
    const drawer = consoleFrame().getByRole('dialog', { name: '客户名单' });
    await drawer.locator('[data-testid="drill-row"]', { hasText: '郑秀英' }).waitFor({ timeout: 30_000 });
    await expect(drawer.locator('[data-testid="drill-title"]').innerText()).resolves.toContain('已下单');
    await expect(drawer.locator('[data-testid="drill-total"]').innerText()).resolves.toBe('2');
    await expect(drawer.locator('[data-testid="drill-row"]', { hasText: '吴杰' }).count()).resolves.toBe(1);

    // The export link answers the list as CSV, every row, with the header row Excel shows.
    const href = await drawer.locator('[data-testid="drill-export-csv"]').getAttribute('href');
    const frame = demo.page.frames().find((f) => f.url().includes('/console/'))!;
    const csv = await frame.evaluate(async (url) => {
      const response = await fetch(url);
      return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
    }, href!);
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    const [header, ...rows] = csv.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(header).toBe(DRILL_DOWN_CSV_COLUMNS.join(','));
    expect(rows).toHaveLength(2);
    expect(csv.text).toContain('郑秀英');
    await demo.page.screenshot({ path: path.join(screenshotDir, 'demo-analytics-drill-down.png') });
  });

  it('shows the console on its own at laptop and tablet widths', async () => {
    await signInAsManager();
    const page = demo.page;
    for (const width of [1280, 768]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${demo.server.url}/console/#/analytics`);
      await page.locator('[data-testid="drill-funnel-ordered"]').waitFor({ timeout: 30_000 });
      await page.locator('[data-testid="funnel-chart"] canvas').first().waitFor({ timeout: 30_000 });
      await page.screenshot({ path: path.join(screenshotDir, `analytics-overview-${width}.png`), fullPage: true });
      await page.locator('[data-testid="drill-funnel-ordered"]').click();
      await page.getByRole('dialog', { name: '客户名单' }).locator('[data-testid="drill-row"]').first().waitFor({ timeout: 30_000 });
      await page.screenshot({ path: path.join(screenshotDir, `analytics-drill-down-${width}.png`) });
      await page.keyboard.press('Escape');
      await page.getByRole('dialog', { name: '客户名单' }).waitFor({ state: 'detached' });
    }
  });
});
