import { CONTENT_ATTRIBUTION_RULE, FUNNEL_RULE } from '@zhike/shared/analytics';
import request from 'supertest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { seedAnalyticsDataset, type AnalyticsDataset } from './analytics-dataset.testing';

/** The week in the dataset: Wednesday 2026-11-25 to Tuesday 2026-12-01; the previous period is 11-18 … 11-24. */
const WEEK = { from: '2026-11-25', to: '2026-12-01' };
const EMPTY = { from: '2025-01-01', to: '2025-01-03' };

const step = (name: string, reached: number, fromPrevious: number, conversionRate: number | null, medianHoursFromPrevious: number | null) => ({ step: name, reached, fromPrevious, conversionRate, medianHoursFromPrevious });
const zeroSteps = ['visitor', 'fan', 'contact', 'engaged', 'ordered', 'repeat'].map((name) => step(name, 0, 0, null, null));

describe('analytics dashboards', () => {
  let app: TestApp;
  let data: AnalyticsDataset;
  const get = (who: keyof AnalyticsDataset['cookies'], path: string, query: Record<string, string | number> = {}) => request(app.callback).get(path).query(query).set('cookie', data.cookies[who]);

  beforeAll(async () => {
    app = await createTestApp('analyticsdash');
    data = await seedAnalyticsDataset(app);
  }, 60_000);
  afterAll(() => app.close());

  describe('overview', () => {
    it('sums the week per Beijing day against the week before, refunds taken from revenue', async () => {
      const res = await get('admin', '/api/analytics/overview', WEEK);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        range: WEEK,
        // 王一, 赵二, 孙三 this week; 刘四 (11-20) and 陈五 (11-24 23:59:59 in Beijing) the week before.
        newContacts: { value: 3, previous: 2 },
        lostContacts: { value: 1, previous: 0 },
        paidOrders: { value: 4, previous: 0 },
        // 300 + 200 + 80 + 100 paid, 50 + 30 refunded.
        netRevenueFen: { value: 60000, previous: 0 },
        firstOrders: { value: 3, previous: 0 },
        contentSent: { value: 3, previous: 0 },
        contentOpened: { value: 1, previous: 0 },
        daily: [
          { day: '2026-11-25', newContacts: 1, lostContacts: 0, paidOrders: 0, netRevenueFen: 0 },
          { day: '2026-11-26', newContacts: 0, lostContacts: 0, paidOrders: 1, netRevenueFen: 30000 },
          { day: '2026-11-27', newContacts: 2, lostContacts: 0, paidOrders: 0, netRevenueFen: 0 },
          { day: '2026-11-28', newContacts: 0, lostContacts: 1, paidOrders: 1, netRevenueFen: 20000 },
          // The refund at 2026-11-28T16:30Z is 11-29 00:30 in Beijing.
          { day: '2026-11-29', newContacts: 0, lostContacts: 0, paidOrders: 0, netRevenueFen: -5000 },
          { day: '2026-11-30', newContacts: 0, lostContacts: 0, paidOrders: 2, netRevenueFen: 18000 },
          { day: '2026-12-01', newContacts: 0, lostContacts: 0, paidOrders: 0, netRevenueFen: -3000 },
        ],
      });
    });

    it("shows a manager their department's salespeople only, and an admin the department picked", async () => {
      const manager = await get('manager', '/api/analytics/overview', WEEK);
      expect(manager.status).toBe(200);
      expect(manager.body).toMatchObject({
        newContacts: { value: 2, previous: 1 },
        lostContacts: { value: 1, previous: 0 },
        paidOrders: { value: 3, previous: 0 },
        netRevenueFen: { value: 50000, previous: 0 },
        firstOrders: { value: 2, previous: 0 },
        contentSent: { value: 2, previous: 0 },
        contentOpened: { value: 1, previous: 0 },
      });
      const second = await get('admin', '/api/analytics/overview', { ...WEEK, department: 3 });
      expect(second.body).toMatchObject({ newContacts: { value: 1, previous: 1 }, paidOrders: { value: 1, previous: 0 }, netRevenueFen: { value: 10000, previous: 0 }, contentSent: { value: 1, previous: 0 }, contentOpened: { value: 0, previous: 0 } });
    });

    it('answers an empty range with zeros, one row per day', async () => {
      const res = await get('admin', '/api/analytics/overview', EMPTY);
      const zero = { value: 0, previous: 0 };
      expect(res.body).toEqual({
        range: EMPTY,
        newContacts: zero,
        lostContacts: zero,
        paidOrders: zero,
        netRevenueFen: zero,
        firstOrders: zero,
        contentSent: zero,
        contentOpened: zero,
        daily: ['2025-01-01', '2025-01-02', '2025-01-03'].map((day) => ({ day, newContacts: 0, lostContacts: 0, paidOrders: 0, netRevenueFen: 0 })),
      });
    });
  });

  describe('funnel', () => {
    it('follows the cohort first touched in the range through the steps, with conversion and median hours', async () => {
      const res = await get('admin', '/api/analytics/funnel', WEEK);
      expect(res.status).toBe(200);
      expect(res.body.rule).toBe(FUNNEL_RULE);
      // Cohort: 王一 (first seen 2026-11-24T16:30Z, 11-25 00:30 in Beijing), 赵二, 孙三, 周六 (11-26);
      // before: 刘四 (11-20), 陈五 (2026-11-24T15:59:59Z, still 11-24 in Beijing).
      expect(res.body.entered).toEqual({ value: 4, previous: 2 });
      expect(res.body.steps).toEqual([
        step('visitor', 3, 3, null, null), // 王一, 赵二, 周六
        step('fan', 2, 1, 1 / 3, 2), // 王一 (2 h after the visit), 孙三 (never a visitor)
        // 王一 8 h, 孙三 10 h after the fan step: an even count takes the lower middle value, 8 (not 9).
        step('contact', 3, 2, 1, 8),
        step('engaged', 1, 1, 1 / 3, 3), // 王一 opened the script 3 h after becoming a contact
        step('ordered', 3, 1, 1, 21), // 王一, 赵二, 孙三 ordered; only 王一 had engaged first, 21 h before
        step('repeat', 1, 1, 1 / 3, 48),
      ]);
    });

    it('splits the cohort by first-touch channel, named', async () => {
      const res = await get('admin', '/api/analytics/funnel', WEEK);
      expect(res.body.byChannel).toEqual([
        {
          channelKey: 'organic',
          label: '自然流量',
          steps: [step('visitor', 2, 2, null, null), step('fan', 1, 1, 0.5, 2), step('contact', 1, 1, 1, 8), step('engaged', 1, 1, 1, 3), step('ordered', 1, 1, 1, 21), step('repeat', 1, 1, 1, 48)],
        },
        {
          channelKey: `channel:${data.channel.id}`,
          label: '地推活码',
          steps: [step('visitor', 0, 0, null, null), step('fan', 1, 0, null, null), step('contact', 1, 1, 1, 10), step('engaged', 0, 0, 0, null), step('ordered', 1, 0, null, null), step('repeat', 0, 0, 0, null)],
        },
        {
          channelKey: 'referral',
          label: '好友分享',
          steps: [step('visitor', 1, 1, null, null), step('fan', 0, 0, 0, null), step('contact', 1, 0, null, null), step('engaged', 0, 0, 0, null), step('ordered', 1, 0, null, null), step('repeat', 0, 0, 0, null)],
        },
      ]);
    });

    it('counts cohorts by whole Beijing weeks, including days outside the range', async () => {
      const res = await get('admin', '/api/analytics/funnel', WEEK);
      const none = { visitor: 0, fan: 0, contact: 0, engaged: 0, ordered: 0, repeat: 0 };
      expect(res.body.cohorts).toEqual([
        // Monday 11-23: the range's four plus 陈五, first touched on Tuesday 11-24.
        { week: '2026-11-23', entered: 5, reached: { visitor: 3, fan: 2, contact: 4, engaged: 1, ordered: 3, repeat: 1 } },
        { week: '2026-11-30', entered: 0, reached: none },
      ]);
    });

    it("keeps a manager to their department's customers and answers an empty range with empty steps", async () => {
      const manager = await get('manager', '/api/analytics/funnel', WEEK);
      // 王一, 赵二 (李雷's) this week, 刘四 before; 孙三, 陈五 (韩梅梅's) and 周六 (nobody's) are not theirs.
      expect(manager.body.entered).toEqual({ value: 2, previous: 1 });
      expect(manager.body.steps.map((s: { reached: number }) => s.reached)).toEqual([2, 1, 2, 1, 2, 1]);
      const empty = await get('admin', '/api/analytics/funnel', EMPTY);
      expect(empty.body).toMatchObject({ entered: { value: 0, previous: 0 }, steps: zeroSteps, byChannel: [] });
      expect(empty.body.cohorts).toEqual([{ week: '2024-12-30', entered: 0, reached: { visitor: 0, fan: 0, contact: 0, engaged: 0, ordered: 0, repeat: 0 } }]);
    });
  });

  describe('salespeople', () => {
    it('lists every active salesperson with rates, speed and coverage, and sums departments', async () => {
      const res = await get('admin', '/api/analytics/salespeople', WEEK);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ range: WEEK, coverageDays: 7, coverageAsOf: '2026-12-01T08:00:00.000Z' });
      const zeros = { newContacts: 0, lostContacts: 0, contentSent: 0, contentOpened: 0, openRate: null, paidOrders: 0, netRevenueFen: 0, firstOrders: 0, conversionRate: null, medianDaysToFirstOrder: null };
      const noCoverage = { followedCustomers: 0, coveredCustomers: 0, coverageRate: null };
      expect(res.body.rows).toEqual([
        {
          userid: 'lilei', name: '李雷', departmentIds: [2], newContacts: 2, lostContacts: 1, followedCustomers: 4, coveredCustomers: 3, coverageRate: 0.75,
          contentSent: 2, contentOpened: 1, openRate: 0.5, paidOrders: 3, netRevenueFen: 50000, firstOrders: 2, conversionRate: 1,
          // 王一 paid 1 day after becoming a contact, 赵二 3 days: the lower middle value.
          medianDaysToFirstOrder: 1,
        },
        {
          userid: 'hanmeimei', name: '韩梅梅', departmentIds: [3], newContacts: 1, lostContacts: 0, ...noCoverage,
          contentSent: 1, contentOpened: 0, openRate: 0, paidOrders: 1, netRevenueFen: 10000, firstOrders: 1, conversionRate: 1, medianDaysToFirstOrder: 3,
        },
        { userid: 'chenjing', name: '陈静', departmentIds: [4], ...noCoverage, ...zeros },
        { userid: 'zhangwei', name: '张伟', departmentIds: [2, 3], ...noCoverage, ...zeros },
      ]);
      expect(res.body.departments).toEqual([
        { departmentId: 2, name: '销售一部', newContacts: 2, lostContacts: 1, paidOrders: 3, netRevenueFen: 50000, firstOrders: 2, conversionRate: 1 },
        { departmentId: 3, name: '销售二部', newContacts: 1, lostContacts: 0, paidOrders: 1, netRevenueFen: 10000, firstOrders: 1, conversionRate: 1 },
        { departmentId: 4, name: '运营部', newContacts: 0, lostContacts: 0, paidOrders: 0, netRevenueFen: 0, firstOrders: 0, conversionRate: null },
      ]);
    });

    it("never shows a manager another department's salespeople", async () => {
      const res = await get('manager', '/api/analytics/salespeople', WEEK);
      expect(res.body.rows.map((row: { userid: string }) => row.userid)).toEqual(['lilei', 'zhangwei']);
      expect(res.body.departments.map((row: { departmentId: number }) => row.departmentId)).toEqual([2]);
    });
  });

  describe('content', () => {
    it('credits sends, opens, orders and net revenue to each script, best first, with the rule', async () => {
      const res = await get('admin', '/api/analytics/content', WEEK);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        range: WEEK,
        rule: CONTENT_ATTRIBUTION_RULE,
        rows: [
          { contentKind: 'script', contentId: data.scripts.launch, title: '新品话术', sent: 2, opened: 1, openRate: 0.5, scans: 0, contactsAdded: 0, orders: 1, netRevenueFen: 25000 },
          { contentKind: 'script', contentId: data.scripts.revisit, title: '老客回访', sent: 1, opened: 0, openRate: 0, scans: 0, contactsAdded: 0, orders: 0, netRevenueFen: 0 },
        ],
      });
      const manager = await get('manager', '/api/analytics/content', WEEK);
      expect(manager.body.rows[0]).toMatchObject({ contentId: data.scripts.launch, sent: 1, opened: 1, openRate: 1 });
      expect((await get('admin', '/api/analytics/content', EMPTY)).body.rows).toEqual([]);
    });
  });

  describe('referrals', () => {
    it('counts the referral cohort, referred revenue net of refunds, and the top referrers', async () => {
      const res = await get('admin', '/api/analytics/referrals', WEEK);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        range: WEEK,
        invited: { value: 1, previous: 0 },
        activated: { value: 1, previous: 0 },
        converted: { value: 1, previous: 0 },
        referredRevenueFen: { value: 5000, previous: 0 },
        topReferrers: [{ customerId: data.customers.wang, name: '王一, VIP', invited: 1, activated: 1, converted: 1, revenueFen: 5000 }],
      });
      const empty = await get('admin', '/api/analytics/referrals', EMPTY);
      expect(empty.body).toMatchObject({ invited: { value: 0, previous: 0 }, referredRevenueFen: { value: 0, previous: 0 } });
    });

    it("draws a customer's tree: the chain up to the root inviter and everyone below", async () => {
      const zhao = await get('manager', `/api/analytics/referrals/tree/${data.customers.zhao}`);
      expect(zhao.status).toBe(200);
      expect(zhao.body).toEqual({
        invitedBy: [{ customerId: data.customers.wang, name: '王一, VIP' }],
        root: { customerId: data.customers.zhao, name: '赵二', at: '2026-11-26T04:00:00.000Z', channel: 'share', ordered: true, revenueFen: 5000, children: [] },
        truncated: false,
      });
      const wang = await get('admin', `/api/analytics/referrals/tree/${data.customers.wang}`);
      expect(wang.body).toEqual({
        invitedBy: [],
        root: {
          customerId: data.customers.wang, name: '王一, VIP', at: null, channel: null, ordered: true, revenueFen: 45000,
          children: [{ customerId: data.customers.zhao, name: '赵二', at: '2026-11-26T04:00:00.000Z', channel: 'share', ordered: true, revenueFen: 5000, children: [] }],
        },
        truncated: false,
      });
    });

    it("answers a manager asking for another department's customer as for one that does not exist", async () => {
      const others = await get('manager', `/api/analytics/referrals/tree/${data.customers.sun}`);
      const nobody = await get('manager', '/api/analytics/referrals/tree/64b0000000000000000000ff');
      expect(others.status).toBe(404);
      expect(others.body.error).toEqual({ ...nobody.body.error, requestId: others.body.error.requestId });
      expect((await get('admin', '/api/analytics/referrals/tree/not-a-customer')).status).toBe(404);
    });
  });

  describe('departments and access', () => {
    it('offers an admin every department and the unassigned customers, a manager the departments they lead', async () => {
      expect((await get('admin', '/api/analytics/departments')).body).toEqual([
        { departmentId: 0, name: '未分配销售' },
        { departmentId: 1, name: '知客演示企业' },
        { departmentId: 2, name: '销售一部' },
        { departmentId: 3, name: '销售二部' },
        { departmentId: 4, name: '运营部' },
      ]);
      expect((await get('manager', '/api/analytics/departments')).body).toEqual([{ departmentId: 2, name: '销售一部' }]);
    });

    it("refuses a manager another department's figures, and a salesperson the console", async () => {
      for (const path of ['overview', 'funnel', 'salespeople', 'content', 'referrals']) {
        const res = await get('manager', `/api/analytics/${path}`, { ...WEEK, department: 3 });
        expect({ path, status: res.status, code: res.body.error?.code, details: res.body.error?.details }).toEqual({
          path,
          status: 403,
          code: 'FORBIDDEN',
          details: [{ field: 'query.department', issue: '不是您负责的部门' }],
        });
      }
      expect((await get('salesperson', '/api/analytics/overview', WEEK)).status).toBe(403);
    });

    it('names the offending field of a bad range', async () => {
      const reversed = await get('admin', '/api/analytics/overview', { from: '2026-12-01', to: '2026-11-25' });
      expect(reversed.status).toBe(400);
      expect(reversed.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'query.from', issue: '开始日期不能晚于结束日期' }] });
      const impossible = await get('admin', '/api/analytics/funnel', { from: '2026-02-30', to: '2026-03-01' });
      expect(impossible.status).toBe(400);
      expect(impossible.body.error.details).toEqual([{ field: 'query.from', issue: '日期无效' }]);
      const tooLong = await get('admin', '/api/analytics/content', { from: '2024-01-01', to: '2026-01-01' });
      expect(tooLong.body.error.details).toEqual([{ field: 'query.to', issue: '时间范围最长两年' }]);
    });
  });

  describe('rebuild', () => {
    it('recomputes from the raw records on an admin request (two at once share one run), leaving the figures as they were', async () => {
      const before = (await get('admin', '/api/analytics/overview', WEEK)).body;
      const rebuild = (who: keyof AnalyticsDataset['cookies']) => request(app.callback).post('/api/admin/analytics/rebuild').set('cookie', data.cookies[who]);
      expect((await rebuild('manager')).status).toBe(403);
      const [first, second] = await Promise.all([rebuild('admin'), rebuild('admin')]);
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(second.body).toEqual(first.body);
      expect(first.body).toMatchObject({ journeys: 6 });
      expect((await get('admin', '/api/analytics/overview', WEEK)).body).toEqual(before);
    });
  });
});
