import fs from 'node:fs';
import path from 'node:path';

// Checks the real weapp output that `npm test` builds first (run `npm run build:weapp -w miniprogram` alone).
const dist = path.resolve(__dirname, '..', '..', 'miniprogram', 'dist', 'weapp');
const MAIN_PACKAGE_BUDGET_BYTES = 600 * 1024;

function packageFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? packageFiles(full) : [full];
  });
}

describe('weapp build output', () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(dist, 'app.json'))) throw new Error(`${dist} has no build: run npm run build:weapp -w miniprogram`);
  });

  it('declares the home page as the first page', () => {
    const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8'));
    expect(app.pages[0]).toBe('pages/index/index');
  });

  it('keeps the main package within the 600 KB budget (WeChat allows 2 MB)', () => {
    const shipped = packageFiles(dist).filter((file) => !file.endsWith('.LICENSE.txt') && !file.endsWith('project.config.json'));
    const bytes = shipped.reduce((sum, file) => sum + fs.statSync(file).size, 0);
    expect(bytes).toBeLessThan(MAIN_PACKAGE_BUDGET_BYTES);
  });

  it('ships no demo-only sandbox login in the WeChat build', () => {
    const scripts = packageFiles(dist).filter((file) => file.endsWith('.js'));
    for (const file of scripts) expect(fs.readFileSync(file, 'utf8')).not.toContain('/sandbox/demo/wx-login');
  });
});
