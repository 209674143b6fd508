import { fireEvent, render, screen, within } from '@testing-library/react';
import { statsRow } from '../testing/console-fixtures';
import { fail, fakeConsoleApi, json } from '../testing/fake-console-api';
import StatsScreen from './StatsScreen';

const ROWS = [
  statsRow({ contentId: 's1', title: '首次问候', sends: 40, opens: 30, uniqueOpens: 18, sendsOpened: 18, openRate: 0.45, contactsAdded: 2, orders: 3, revenueFen: 1234567 }),
  statsRow({ contentId: 'p1', kind: 'poster', title: '春季新品', sends: 120, opens: 50, uniqueOpens: 44, sendsOpened: 41, openRate: 41 / 120, scans: 41, contactsAdded: 9, orders: 1, revenueFen: 9900 }),
  statsRow({ contentId: 's2', title: '产品手册', sends: 0 }),
];

const titles = () => screen.getAllByTestId('stats-row').map((row) => row.querySelector('.stats-title')!.textContent);

describe('StatsScreen', () => {
  it('shows open rate as a percentage with one decimal and revenue in yuan', async () => {
    fakeConsoleApi({ 'GET /api/content/stats': json({ rows: ROWS }) });
    render(<StatsScreen />);
    await screen.findAllByTestId('stats-row');
    const cells = (title: string) =>
      within(screen.getAllByTestId('stats-row').find((row) => row.textContent!.includes(title))!)
        .getAllByRole('cell')
        .map((cell) => cell.textContent);

    expect(cells('春季新品')).toEqual(['春季新品', '海报', '120', '50', '44', '41', '34.2%', '41', '9', '1', '¥99.00']);
    expect(cells('首次问候')).toEqual(['首次问候', '话术', '40', '30', '18', '18', '45.0%', '0', '2', '3', '¥12,345.67']);
    expect(cells('产品手册')).toEqual(['产品手册', '话术', '0', '0', '0', '0', '0.0%', '0', '0', '0', '¥0.00']);
  });

  it('sorts by sends (most first) and by open rate, flipping on a second click', async () => {
    fakeConsoleApi({ 'GET /api/content/stats': json({ rows: ROWS }) });
    render(<StatsScreen />);
    await screen.findAllByTestId('stats-row');
    expect(titles()).toEqual(['春季新品', '首次问候', '产品手册']);

    fireEvent.click(screen.getByTestId('sort-openRate'));
    expect(titles()).toEqual(['首次问候', '春季新品', '产品手册']);
    expect(screen.getByTestId('sort-openRate').closest('th')!.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(screen.getByTestId('sort-openRate'));
    expect(titles()).toEqual(['产品手册', '春季新品', '首次问候']);
    fireEvent.click(screen.getByTestId('sort-sends'));
    expect(titles()).toEqual(['春季新品', '首次问候', '产品手册']);
  });

  it('says so when nothing has been sent yet', async () => {
    fakeConsoleApi({ 'GET /api/content/stats': json({ rows: [] }) });
    render(<StatsScreen />);
    await screen.findByText(/还没有内容发送记录/);
  });

  it('shows the permission notice on 403', async () => {
    fakeConsoleApi({ 'GET /api/content/stats': fail(403, 'FORBIDDEN', '没有权限') });
    render(<StatsScreen />);
    expect((await screen.findByTestId('needs-permission')).textContent).toContain('需要主管权限');
  });
});
