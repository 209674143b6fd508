import request from 'supertest';
import { createTestApp, type TestApp } from '../../testing/test-app';

describe('health routes', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp('health');
  });
  afterAll(() => app.close());

  it('GET /healthz answers ok', async () => {
    const res = await request(app.callback).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('GET /readyz reports the database up', async () => {
    const res = await request(app.callback).get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready', checks: { database: 'up' } });
  });

  it('GET /readyz answers 503 once the database is gone', async () => {
    const probe = await createTestApp('healthdown');
    await probe.connection.close();
    const res = await request(probe.callback).get('/readyz');
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('DATABASE_UNAVAILABLE');
    await probe.close();
  });
});
