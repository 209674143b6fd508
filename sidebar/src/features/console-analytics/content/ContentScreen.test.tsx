import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { CONTENT_ATTRIBUTION_RULE, type ContentRow } from '@zhike/shared/analytics';
import { fakeConsoleApi, json } from '../../console-content/testing/fake-console-api';
import { DEPARTMENTS, EMPTY_DRILL } from '../testing/analytics-fixtures';
import ContentScreen from './ContentScreen';

const ROWS: ContentRow[] = [
  { contentKind: 'script', contentId: 'scr_hello', title: '首次问候', sent: 40, opened: 18, openRate: 0.45, scans: 0, contactsAdded: 2, orders: 3, netRevenueFen: 1_234_567 },
  { contentKind: 'poster', contentId: 'pos_spring', title: '春季新品', sent: 120, opened: 41, openRate: 41 / 120, scans: 41, contactsAdded: 9, orders: 1, netRevenueFen: 9_900 },
  { contentKind: 'script', contentId: 'scr_pdf', title: '产品手册', sent: 0, opened: 0, openRate: null, scans: 0, contactsAdded: 0, orders: 0, netRevenueFen: 0 },
];

const API = {
  'GET /api/analytics/departments': json(DEPARTMENTS),
  'GET /api/analytics/content': json({ range: { from: '2026-11-01', to: '2026-11-26' }, rule: CONTENT_ATTRIBUTION_RULE, rows: ROWS }),
  'GET /api/analytics/customers': json(EMPTY_DRILL),
};
const titles = () => screen.getAllByTestId('content-table-row').map((tr) => within(tr).getAllByRole('cell')[0]!.textContent);

beforeEach(() => {
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/console/#/analytics-content?from=2026-11-01&to=2026-11-26');
});

describe('ContentScreen', () => {
  it('states the attribution rule and shows each content’s figures, most sent first', async () => {
    fakeConsoleApi(API);
    render(<ContentScreen />);
    await screen.findAllByTestId('content-table-row');
    expect(screen.getByTestId('content-rule').textContent).toBe(`归因规则：${CONTENT_ATTRIBUTION_RULE}`);
    expect(titles()).toEqual(['春季新品', '首次问候', '产品手册']);
    expect(within(screen.getAllByTestId('content-table-row')[0]!).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['春季新品', '海报', '120', '41', '34.2%', '41', '9', '1', '¥99.00']);

    fireEvent.click(screen.getByTestId('content-table-sort-openRate'));
    expect(titles()).toEqual(['首次问候', '春季新品', '产品手册']);
    fireEvent.click(screen.getByTestId('content-table-sort-title'));
    expect(screen.getByTestId('content-table-sort-title').closest('th')!.getAttribute('aria-sort')).toBe('ascending');
  });

  it('opens the customers a content brought in', async () => {
    const api = fakeConsoleApi(API);
    render(<ContentScreen />);
    fireEvent.click(await screen.findByTestId('drill-content-poster-pos_spring-contact_added'));
    await waitFor(() => expect(api.callsTo('GET', '/api/analytics/customers')).toHaveLength(1));
    expect(api.callsTo('GET', '/api/analytics/customers')[0]!.url).toBe('/api/analytics/customers?population=content&from=2026-11-01&to=2026-11-26&contentKind=poster&contentId=pos_spring&touch=contact_added&page=1');
  });

  it('says 所选时间内暂无数据 for a range without sends', async () => {
    fakeConsoleApi({ ...API, 'GET /api/analytics/content': json({ range: { from: '2026-11-01', to: '2026-11-26' }, rule: CONTENT_ATTRIBUTION_RULE, rows: [] }) });
    render(<ContentScreen />);
    expect((await screen.findByTestId('analytics-empty')).textContent).toBe('所选时间内暂无数据');
  });
});
