import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { SegmentView } from '@zhike/shared/analytics';
import { DEFAULT_STAGE_PIPELINE } from '@zhike/shared/stages';
import { fail, fakeConsoleApi, json } from '../../console-content/testing/fake-console-api';
import { ADMIN_CHEN, DEPARTMENTS, EMPTY_DRILL, MANAGER_ZHANG, rfmReport } from '../testing/analytics-fixtures';
import SegmentsScreen from './SegmentsScreen';

jest.mock('../charts/echarts-runtime', () => ({ mountChart: jest.fn(() => ({ update: jest.fn(), dispose: jest.fn() })) }));

const HIGH_INTENT: SegmentView = {
  id: 'seg_high',
  name: '高意向未成交',
  rules: { minScore: 60, hasOrdered: false },
  summary: '意向分 ≥ 60；未下单',
  customers: 17,
  updatedAt: '2026-11-20T02:00:00.000Z',
};

const TAGS = [
  { tagId: 'et_level_a', name: 'A类客户', groupId: 'etg_level', groupName: '客户等级', source: 'wecom' },
  { tagId: 'et_vip', name: 'VIP', groupId: 'etg_level', groupName: '客户等级', source: 'wecom' },
];

const API = {
  'GET /api/analytics/departments': json(DEPARTMENTS),
  'GET /api/analytics/rfm': json(rfmReport({ important_value: 4, general_retain: 9 })),
  'GET /api/analytics/segments': json([HIGH_INTENT]),
  'GET /api/analytics/customers': json(EMPTY_DRILL),
  'GET /api/tags': json({ tags: TAGS }),
  'GET /api/stages': json({ stages: DEFAULT_STAGE_PIPELINE }),
};

beforeEach(() => {
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/console/#/analytics-segments?from=2026-11-01&to=2026-11-26&department=2');
});

describe('SegmentsScreen', () => {
  it('shows the RFM cells with counts, the averages and the rule, and opens a cell’s customers', async () => {
    const api = fakeConsoleApi(API);
    render(<SegmentsScreen staff={MANAGER_ZHANG} />);
    const cell = await screen.findByTestId('rfm-cell-important_value');
    expect(cell.textContent).toBe('重要价值R近 · F高 · M高4 人¥400.00');
    expect(screen.getByTestId('rfm-cell-general_retain').textContent).toBe('一般挽留R远 · F低 · M低9 人¥900.00');
    expect(screen.getByTestId('rfm-averages').textContent).toBe('购买客户 13 人；平均距最近一次购买 21.5 天，平均购买 1.8 次，平均净消费 ¥456.78');
    expect(screen.getByText(/只统计有已支付订单的客户/)).toBeTruthy();
    expect(api.callsTo('GET', '/api/analytics/rfm')[0]!.url).toBe('/api/analytics/rfm?department=2');

    fireEvent.click(screen.getByTestId('drill-rfm-general_retain'));
    fireEvent.click(await screen.findByTestId('drill-close'));
    fireEvent.click(screen.getByTestId('drill-segment-seg_high'));
    await waitFor(() => expect(api.callsTo('GET', '/api/analytics/customers')).toHaveLength(2));
    expect(api.callsTo('GET', '/api/analytics/customers').map((call) => call.url)).toEqual([
      '/api/analytics/customers?population=rfm&cell=general_retain&page=1',
      '/api/analytics/customers?population=segment&segmentId=seg_high&page=1',
    ]);
  });

  it('lists segments with their count and CSV export; a manager cannot edit them', async () => {
    fakeConsoleApi(API);
    render(<SegmentsScreen staff={MANAGER_ZHANG} />);
    const row = await screen.findByTestId('segment-row');
    expect(within(row).getAllByRole('cell').slice(0, 4).map((cell) => cell.textContent)).toEqual(['高意向未成交', '意向分 ≥ 60；未下单', '17', '2026-11-20 10:00']);
    expect(within(row).getByTestId('export-segment-seg_high').getAttribute('href')).toBe('/api/analytics/customers?population=segment&segmentId=seg_high&format=csv');
    expect(screen.queryByTestId('new-segment')).toBeNull();
    expect(screen.queryByTestId('edit-segment-seg_high')).toBeNull();
    expect(screen.queryByTestId('recompute-snapshot')).toBeNull();
  });

  it('lets an admin recompute the snapshot now, then reads RFM and the segments again', async () => {
    const api = fakeConsoleApi({ ...API, 'POST /api/admin/analytics/refresh': json({ asOf: '2026-11-26T02:00:00.000Z', customers: 320, buyers: 13, churnRisks: 2, durationMs: 850 }) });
    render(<SegmentsScreen staff={ADMIN_CHEN} />);
    fireEvent.click(await screen.findByTestId('recompute-snapshot'));
    await waitFor(() => expect(api.callsTo('GET', '/api/analytics/rfm')).toHaveLength(2));
    expect(api.callsTo('POST', '/api/admin/analytics/refresh')).toHaveLength(1);
    expect(api.callsTo('GET', '/api/analytics/segments')).toHaveLength(2);
  });

  it('shows the field error of a 400 next to its field, and keeps what the admin typed', async () => {
    const api = fakeConsoleApi({
      ...API,
      'POST /api/admin/segments': fail(400, 'VALIDATION_FAILED', '分群条件有误，请按提示修改', [{ field: 'body.rules.tagIds', issue: '标签不存在：et_vip' }]),
    });
    render(<SegmentsScreen staff={ADMIN_CHEN} />);
    fireEvent.click(await screen.findByTestId('new-segment'));
    fireEvent.change(await screen.findByTestId('segment-name'), { target: { value: 'VIP 沉默客户' } });
    fireEvent.click(screen.getByTestId('segment-tag-et_vip'));
    fireEvent.change(screen.getByTestId('segment-activity'), { target: { value: 'inactive' } });
    fireEvent.change(screen.getByLabelText('天数'), { target: { value: '45' } });
    fireEvent.click(screen.getByTestId('save-segment'));

    const error = await screen.findByTestId('field-error');
    expect(error.textContent).toBe('标签不存在：et_vip');
    expect(error.getAttribute('data-field')).toBe('body.rules.tagIds');
    expect(error.closest('fieldset')!.querySelector('legend')!.textContent).toBe('标签（满足任一）');
    expect(screen.getByTestId('form-error').textContent).toBe('分群条件有误，请按提示修改');
    expect(api.callsTo('POST', '/api/admin/segments')[0]!.body).toEqual({ name: 'VIP 沉默客户', rules: { tagIds: ['et_vip'], inactiveForDays: 45 } });
    expect((screen.getByTestId('segment-name') as HTMLInputElement).value).toBe('VIP 沉默客户');
  });

  it('checks the rules with the shared schema before sending', async () => {
    const api = fakeConsoleApi(API);
    render(<SegmentsScreen staff={ADMIN_CHEN} />);
    fireEvent.click(await screen.findByTestId('new-segment'));
    fireEvent.change(await screen.findByTestId('segment-name'), { target: { value: '分数区间' } });
    fireEvent.change(screen.getByLabelText('意向分不低于'), { target: { value: '80' } });
    fireEvent.change(screen.getByLabelText('意向分不高于'), { target: { value: '20' } });
    fireEvent.click(screen.getByTestId('save-segment'));

    const error = await screen.findByTestId('field-error');
    expect([error.getAttribute('data-field'), error.textContent]).toEqual(['body.rules.minScore', '最低分不能高于最高分']);
    expect(api.callsTo('POST', '/api/admin/segments')).toHaveLength(0);
  });

  it('saves an edit in place and deletes after asking again', async () => {
    const edited = { ...HIGH_INTENT, name: '高意向', rules: { minScore: 70, hasOrdered: false }, summary: '意向分 ≥ 70；未下单', customers: 9 };
    const api = fakeConsoleApi({ ...API, 'PUT /api/admin/segments/seg_high': json(edited), 'DELETE /api/admin/segments/seg_high': { status: 204 } });
    render(<SegmentsScreen staff={ADMIN_CHEN} />);
    fireEvent.click(await screen.findByTestId('edit-segment-seg_high'));
    const name = (await screen.findByTestId('segment-name')) as HTMLInputElement;
    expect(name.value).toBe('高意向未成交');
    expect((screen.getByTestId('segment-ordered') as HTMLSelectElement).value).toBe('no');
    fireEvent.change(name, { target: { value: '高意向' } });
    fireEvent.change(screen.getByLabelText('意向分不低于'), { target: { value: '70' } });
    fireEvent.click(screen.getByTestId('save-segment'));

    await waitFor(() => expect(within(screen.getByTestId('segment-row')).getAllByRole('cell')[0]!.textContent).toBe('高意向'));
    expect(screen.queryByTestId('segment-form')).toBeNull();
    expect(api.callsTo('PUT', '/api/admin/segments/seg_high')[0]!.body).toEqual({ name: '高意向', rules: { minScore: 70, hasOrdered: false } });

    fireEvent.click(screen.getByTestId('delete-segment-seg_high'));
    fireEvent.click(screen.getByTestId('confirm-delete-segment-seg_high'));
    await waitFor(() => expect(screen.queryByTestId('segment-row')).toBeNull());
    expect(api.callsTo('DELETE', '/api/admin/segments/seg_high')).toHaveLength(1);
    expect(api.callsTo('GET', '/api/analytics/segments')).toHaveLength(1);
  });
});
