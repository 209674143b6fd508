import request from 'supertest';
import { completeStaffOAuth, sessionCookie } from '../../testing/staff-login';
import { createTestApp, type TestApp } from '../../testing/test-app';

const FIELDS = [
  { key: 'budget', label: '预算', type: 'number', required: false },
  { key: 'visit_date', label: '到店日期', type: 'date', required: false },
  { key: 'channel', label: '购买渠道', type: 'select', options: ['门店', '线上'], required: true },
  { key: 'preference', label: '偏好', type: 'text', required: false },
];

describe('custom fields: defined by the admin, filled in from the sidebar', () => {
  let app: TestApp;
  const cookies: Record<string, string> = {};
  const defineFields = (userid: string, fields: unknown[]) => request(app.callback).put('/api/admin/custom-fields').set('cookie', cookies[userid]!).send({ fields });
  const edit = (userid: string, externalUserId: string, body: object) =>
    request(app.callback).post(`/api/customers/by-external-userid/${externalUserId}/fields`).set('cookie', cookies[userid]!).send(body);
  const profile = async (userid: string, externalUserId = 'wm_demo_wang') => (await request(app.callback).get(`/api/customers/by-external-userid/${externalUserId}`).set('cookie', cookies[userid]!)).body;
  const valuesOf = (fields: { key: string; value: unknown }[]) => Object.fromEntries(fields.map((f) => [f.key, f.value]));

  beforeAll(async () => {
    app = await createTestApp('customfields');
    await app.services.staff.syncDirectory();
    await app.services.contactSync.fullSync();
    for (const userid of ['lilei', 'zhangwei', 'hanmeimei', 'chenjing']) cookies[userid] = sessionCookie((await completeStaffOAuth(app, userid)).callback);
  });
  afterAll(() => app.close());

  it('lets only an admin define fields, and checks the definitions', async () => {
    expect((await defineFields('lilei', FIELDS)).status).toBe(403);
    const noOptions = await defineFields('chenjing', [{ key: 'channel', label: '购买渠道', type: 'select', required: true }]);
    expect(noOptions.status).toBe(400);
    expect(noOptions.body.error.details).toEqual([{ field: 'body.fields.0.options', issue: '单选字段至少需要一个选项' }]);
    const duplicate = await defineFields('chenjing', [FIELDS[0], { ...FIELDS[3], key: 'budget' }]);
    expect(duplicate.body.error.details).toEqual([{ field: 'body.fields.1.key', issue: '字段标识 budget 重复' }]);

    const saved = await defineFields('chenjing', FIELDS);
    expect(saved.status).toBe(200);
    expect(saved.body.fields).toEqual(FIELDS);
    expect((await request(app.callback).get('/api/admin/custom-fields').set('cookie', cookies.chenjing!)).body.fields).toEqual(FIELDS);
  });

  it('shows every field in the 360, empty until filled in', async () => {
    expect((await profile('lilei')).customFields).toEqual(FIELDS.map((field) => ({ ...field, value: null })));
  });

  it('saves values a salesperson fills in, once per request, and puts them on the timeline', async () => {
    const body = { requestId: 'fields-req-0001', values: { budget: 5000, channel: '门店', visit_date: '2026-05-21' } };
    const first = await edit('lilei', 'wm_demo_wang', body);
    expect(first.status).toBe(200);
    expect(valuesOf(first.body.fields)).toEqual({ budget: 5000, visit_date: '2026-05-21', channel: '门店', preference: null });
    expect(first.body.entry).toMatchObject({ kind: 'fields_changed', summary: '李雷 修改了资料 预算=5000，购买渠道=门店，到店日期=2026-05-21', actor: { userid: 'lilei', name: '李雷' } });

    const again = await edit('lilei', 'wm_demo_wang', body);
    expect(again.body.entry.id).toBe(first.body.entry.id);
    const view = await profile('lilei');
    expect(valuesOf(view.customFields)).toEqual({ budget: 5000, visit_date: '2026-05-21', channel: '门店', preference: null });
    expect(view.timeline.filter((e: { kind: string }) => e.kind === 'fields_changed')).toHaveLength(1);
  });

  it('lets a manager who can see the customer edit too; an edit that changes nothing records nothing', async () => {
    const cleared = await edit('zhangwei', 'wm_demo_wang', { requestId: 'fields-req-0002', values: { visit_date: null, preference: '  喜欢周末到店 ' } });
    expect(cleared.body.entry.summary).toBe('张伟 修改了资料 偏好=喜欢周末到店，到店日期=（清空）');
    const same = await edit('zhangwei', 'wm_demo_wang', { requestId: 'fields-req-0003', values: { budget: 5000 } });
    expect(same.status).toBe(200);
    expect(same.body.entry).toBeUndefined();
    expect(valuesOf((await profile('lilei')).customFields)).toEqual({ budget: 5000, visit_date: null, channel: '门店', preference: '喜欢周末到店' });
  });

  it('refuses values that do not fit, naming each field, and saves none of them', async () => {
    const before = await profile('lilei');
    const cases: [object, { field: string; issue: string }[]][] = [
      [{ budget: '五千' }, [{ field: 'body.values.budget', issue: '「预算」需要填写数字' }]],
      [{ visit_date: '2026-02-30' }, [{ field: 'body.values.visit_date', issue: '「到店日期」需要填写日期（如 2026-05-21）' }]],
      [{ channel: '电话' }, [{ field: 'body.values.channel', issue: '「购买渠道」只能选择：门店、线上' }]],
      [{ channel: null }, [{ field: 'body.values.channel', issue: '「购买渠道」是必填项，不能清空' }]],
      [{ budget: 6000, height: 180 }, [{ field: 'body.values.height', issue: '未知字段 height' }]],
    ];
    for (const [values, details] of cases) {
      const res = await edit('lilei', 'wm_demo_wang', { requestId: 'fields-req-0009', values });
      expect({ values, status: res.status, details: res.body.error.details }).toEqual({ values, status: 400, details });
    }
    const after = await profile('lilei');
    expect(after.customFields).toEqual(before.customFields);
    expect(after.timeline.length).toBe(before.timeline.length);
  });

  it('keeps values of a removed field and brings them back with it; a key never changes type', async () => {
    expect((await defineFields('chenjing', FIELDS.filter((f) => f.key !== 'budget'))).status).toBe(200);
    expect((await profile('lilei')).customFields.map((f: { key: string }) => f.key)).toEqual(['visit_date', 'channel', 'preference']);
    const retyped = await defineFields('chenjing', [...FIELDS.slice(1), { key: 'budget', label: '预算', type: 'text', required: false }]);
    expect(retyped.status).toBe(409);
    expect(retyped.body.error.details).toEqual([{ field: 'body.fields.3.type', issue: '字段 budget 已是数字类型，不能改为文本；请换一个字段标识' }]);
    await defineFields('chenjing', FIELDS);
    expect(valuesOf((await profile('lilei')).customFields).budget).toBe(5000);
  });
});
