import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeConsoleApi, json } from '../../console-content/testing/fake-console-api';
import { mountChart } from '../charts/echarts-runtime';
import { DEPARTMENTS, EMPTY_DRILL, funnelReport, overviewReport } from '../testing/analytics-fixtures';
import OverviewScreen from './OverviewScreen';

jest.mock('../charts/echarts-runtime', () => ({ mountChart: jest.fn(() => ({ update: jest.fn(), dispose: jest.fn() })) }));
const mountChartMock = jest.mocked(mountChart);

const DRILL_RESULT = {
  title: '2026-10-28 至 2026-11-26 首次接触、已到达「已下单」的客户',
  total: 51,
  page: 1,
  pageSize: 50,
  customers: [
    {
      customerId: 'cus_wang',
      externalUserId: 'wm_demo_wang',
      name: '王小明',
      avatar: null,
      ownerUserid: 'lilei',
      ownerName: '李雷',
      stage: '成交',
      channelLabel: '春季活码',
      firstTouchAt: '2026-11-01T02:30:00.000Z',
      lastActiveAt: '2026-11-25T16:10:00.000Z',
      paidOrders: 2,
      netRevenueFen: 39_800,
    },
  ],
};

const API = {
  'GET /api/analytics/departments': json(DEPARTMENTS),
  'GET /api/analytics/overview': json(overviewReport()),
  'GET /api/analytics/funnel': json(funnelReport()),
  'GET /api/analytics/customers': json(DRILL_RESULT),
};

let now: jest.SpyInstance;
beforeEach(() => {
  // 17:30 UTC on the 25th is 01:30 on the 26th in Beijing: "today" is the 26th.
  now = jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-11-25T17:30:00Z'));
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/console/#/analytics');
  mountChartMock.mockClear();
});
afterEach(() => now.mockRestore());

describe('OverviewScreen', () => {
  it('asks for the last 30 Beijing days by default and keeps the range in the hash', async () => {
    const api = fakeConsoleApi(API);
    render(<OverviewScreen />);
    await screen.findByTestId('kpi-newContacts');
    expect(api.callsTo('GET', '/api/analytics/overview')[0]!.url).toBe('/api/analytics/overview?from=2026-10-28&to=2026-11-26');
    expect(window.location.hash).toBe('#/analytics?from=2026-10-28&to=2026-11-26');
    expect(screen.getByTestId('range-last30').getAttribute('aria-checked')).toBe('true');
  });

  it('shows each KPI with its change: ▲, ▼, — when the previous period had none, 持平', async () => {
    fakeConsoleApi(API);
    render(<OverviewScreen />);
    const change = async (id: string) => (await screen.findByTestId(`kpi-${id}-change`)).textContent;
    expect(await change('newContacts')).toBe('▲12.5%');
    expect(await change('lostContacts')).toBe('▼25.0%');
    expect(screen.getByTestId('kpi-lostContacts-change').className).toContain('kpi-change-good');
    expect(await change('paidOrders')).toBe('—');
    expect(await change('netRevenueFen')).toBe('持平');
    expect(await change('contentOpened')).toBe('▼10.0%');
    expect(screen.getByTestId('kpi-netRevenueFen').textContent).toContain('¥12,345.00');
    expect(await change('entered')).toBe('▲20.0%');
  });

  it('lists the funnel steps with reached, conversion and median time', async () => {
    fakeConsoleApi(API);
    render(<OverviewScreen />);
    const rows = await screen.findAllByTestId('funnel-step-row');
    expect(rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['小程序访客', '100', '—', '—'],
      ['可识别粉丝', '80', '80.0%', '不到 1 小时'],
      ['企微客户', '40', '37.5%', '5 小时'],
      ['有互动', '20', '50.0%', '1.5 天'],
      ['已下单', '8', '40.0%', '2.5 天'],
      ['复购', '2', '25.0%', '—'],
    ]);
    expect(screen.getByTestId('funnel-rule').textContent).toContain('按首次接触日期取客户');
  });

  it('lists the weekly cohorts that have customers, shaded by the share that reached each step', async () => {
    fakeConsoleApi(API);
    render(<OverviewScreen />);
    const rows = await screen.findAllByTestId('cohort-row');
    expect(rows).toHaveLength(1); // the week of 11-16 had nobody
    const cells = within(rows[0]!).getAllByRole('cell');
    expect(cells.map((cell) => cell.textContent)).toEqual(['11-23 起一周', '10', '10', '8', '5', '3', '1', '0']);
    expect([cells[2]!.style.background, cells[3]!.style.background, cells[7]!.style.background]).toEqual(['rgba(22, 119, 255, 0.7)', 'rgba(22, 119, 255, 0.56)', 'rgba(22, 119, 255, 0)']);
  });

  it('opens the customers of a funnel step in the list drawer, with the CSV of the same query', async () => {
    const api = fakeConsoleApi(API);
    render(<OverviewScreen />);
    fireEvent.click(await screen.findByTestId('drill-funnel-ordered'));

    const drawer = await screen.findByRole('dialog', { name: '客户名单' });
    await within(drawer).findByTestId('drill-row');
    expect(api.callsTo('GET', '/api/analytics/customers')[0]!.url).toBe('/api/analytics/customers?population=funnel&from=2026-10-28&to=2026-11-26&step=ordered&page=1');
    expect(within(drawer).getByTestId('drill-title').textContent).toBe('2026-10-28 至 2026-11-26 首次接触、已到达「已下单」的客户');
    expect(within(drawer).getByTestId('drill-total').textContent).toBe('51');
    expect(within(drawer).getByTestId('drill-export-csv').getAttribute('href')).toBe('/api/analytics/customers?population=funnel&from=2026-10-28&to=2026-11-26&step=ordered&format=csv');
    expect(within(drawer).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      '王王小明wm_demo_wang复制ID',
      '李雷',
      '成交',
      '春季活码',
      '2026-11-01 10:30',
      '2026-11-26 00:10',
      '2',
      '¥398.00',
    ]);

    fireEvent.click(within(drawer).getByTestId('drill-next-page'));
    await waitFor(() => expect(api.callsTo('GET', '/api/analytics/customers')).toHaveLength(2));
    expect(api.callsTo('GET', '/api/analytics/customers')[1]!.query.get('page')).toBe('2');

    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('drills from a channel row, a cohort cell and a click on the funnel chart, within the chosen department', async () => {
    window.history.replaceState(null, '', '/console/#/analytics?from=2026-11-01&to=2026-11-26&department=2');
    const api = fakeConsoleApi({ ...API, 'GET /api/analytics/customers': json(EMPTY_DRILL) });
    render(<OverviewScreen />);
    const drillUrls = () => api.callsTo('GET', '/api/analytics/customers').map((call) => call.url);

    fireEvent.click(await screen.findByTestId('drill-funnel-channel:spring-contact'));
    await screen.findByText('没有符合条件的客户。');
    fireEvent.click(screen.getByTestId('drill-close'));

    fireEvent.click(screen.getByTestId('drill-cohort-2026-11-23-fan'));
    await screen.findByRole('dialog');
    fireEvent.click(screen.getByTestId('drill-close'));

    const funnelChart = mountChartMock.mock.calls.find(([element]) => element.dataset.testid === 'funnel-chart')!;
    act(() => funnelChart[2](5)); // the 复购 layer
    await screen.findByRole('dialog');

    await waitFor(() => expect(drillUrls()).toHaveLength(3));
    expect(drillUrls()).toEqual([
      '/api/analytics/customers?population=funnel&from=2026-11-01&to=2026-11-26&step=contact&channelKey=channel%3Aspring&department=2&page=1',
      '/api/analytics/customers?population=funnel&from=2026-11-23&to=2026-11-29&step=fan&department=2&page=1',
      '/api/analytics/customers?population=funnel&from=2026-11-01&to=2026-11-26&step=repeat&department=2&page=1',
    ]);
  });

  it('drills from the KPIs to new contacts and first orders', async () => {
    const api = fakeConsoleApi({ ...API, 'GET /api/analytics/customers': json(EMPTY_DRILL) });
    render(<OverviewScreen />);
    fireEvent.click(await screen.findByTestId('drill-kpi-newContacts'));
    await screen.findByText('没有符合条件的客户。');
    fireEvent.click(screen.getByTestId('drill-close'));
    fireEvent.click(screen.getByTestId('drill-kpi-firstOrders'));
    await waitFor(() => expect(api.callsTo('GET', '/api/analytics/customers')).toHaveLength(2));
    expect(api.callsTo('GET', '/api/analytics/customers').map((call) => call.url)).toEqual([
      '/api/analytics/customers?population=new_contacts&from=2026-10-28&to=2026-11-26&page=1',
      '/api/analytics/customers?population=paid&from=2026-10-28&to=2026-11-26&firstOnly=true&page=1',
    ]);
  });

  it('moves to a preset range and a department, asking again and rewriting the hash', async () => {
    const api = fakeConsoleApi(API);
    render(<OverviewScreen />);
    await screen.findByTestId('kpi-newContacts');

    fireEvent.click(screen.getByTestId('range-lastMonth'));
    await waitFor(() => expect(api.callsTo('GET', '/api/analytics/overview')).toHaveLength(2));
    expect(api.callsTo('GET', '/api/analytics/overview')[1]!.url).toBe('/api/analytics/overview?from=2026-10-01&to=2026-10-31');
    expect(api.callsTo('GET', '/api/analytics/funnel')[1]!.url).toBe('/api/analytics/funnel?from=2026-10-01&to=2026-10-31');

    await screen.findByRole('option', { name: '华南销售部' });
    fireEvent.change(screen.getByTestId('department-filter'), { target: { value: '3' } });
    await waitFor(() => expect(api.callsTo('GET', '/api/analytics/overview')).toHaveLength(3));
    expect(api.callsTo('GET', '/api/analytics/overview')[2]!.url).toBe('/api/analytics/overview?from=2026-10-01&to=2026-10-31&department=3');
    expect(window.location.hash).toBe('#/analytics?from=2026-10-01&to=2026-10-31&department=3');

    fireEvent.change(screen.getByTestId('range-from'), { target: { value: '2026-11-10' } });
    expect(screen.getByRole('alert').textContent).toBe('开始日期不能晚于结束日期');
    expect(api.callsTo('GET', '/api/analytics/overview')).toHaveLength(3);
  });

  it('says 所选时间内暂无数据 instead of drawing empty charts', async () => {
    const zero = { value: 0, previous: 0 };
    fakeConsoleApi({
      ...API,
      'GET /api/analytics/overview': json(overviewReport({ newContacts: zero, lostContacts: zero, paidOrders: zero, netRevenueFen: zero, firstOrders: zero, contentSent: zero, contentOpened: zero, daily: [{ day: '2026-11-26', newContacts: 0, lostContacts: 0, paidOrders: 0, netRevenueFen: 0 }] })),
      'GET /api/analytics/funnel': json(funnelReport({ entered: zero, steps: funnelReport().steps.map((step) => ({ ...step, reached: 0, fromPrevious: 0, conversionRate: null, medianHoursFromPrevious: null })), byChannel: [], cohorts: [] })),
    });
    render(<OverviewScreen />);
    await waitFor(() => expect(screen.getAllByTestId('analytics-empty')).toHaveLength(2));
    expect(screen.getAllByTestId('analytics-empty').map((note) => note.textContent)).toEqual(['所选时间内暂无数据', '所选时间内暂无数据']);
    expect(screen.queryByTestId('funnel-chart')).toBeNull();
    expect(screen.queryByTestId('trend-chart')).toBeNull();
  });
});
