import { RouteAccess } from '@zhike/shared/auth';
import request from 'supertest';
import { createTestApp, type TestApp } from '../../testing/test-app';

describe('route declarations', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp('routewalk');
  });
  afterAll(() => app.close());

  it('every registered route declares who may call it', () => {
    const layers = app.api.router.stack.filter((layer) => layer.methods.length > 0);
    expect(layers.length).toBeGreaterThanOrEqual(13);
    for (const layer of layers) {
      const methods = layer.methods.filter((m) => m !== 'HEAD');
      for (const method of methods) {
        const declared = app.api.routes.find((route) => route.path === layer.path && route.method === method);
        expect({ route: `${method} ${layer.path}`, access: declared?.access }).toEqual({ route: `${method} ${layer.path}`, access: expect.any(String) });
        expect(RouteAccess.options).toContain(declared!.access);
      }
    }
  });

  it('refuses every non-anonymous route without a session, before reading its input', async () => {
    for (const route of app.api.routes.filter((r) => r.access !== 'anonymous')) {
      const path = route.path.replace(/:[A-Za-z0-9_]+/g, 'x');
      const res = await request(app.callback)[route.method.toLowerCase() as 'get' | 'post'](path);
      expect({ route: `${route.method} ${route.path}`, status: res.status, code: res.body.error?.code }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
  });

  it('describes every route in the generated OpenAPI document with its access', async () => {
    const res = await request(app.callback).get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.0.3');
    for (const route of app.api.routes) {
      const operation = res.body.paths[route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')]?.[route.method.toLowerCase()];
      expect({ route: `${route.method} ${route.path}`, access: operation?.['x-access'] }).toEqual({ route: `${route.method} ${route.path}`, access: route.access });
    }
    expect(res.body.paths['/api/auth/miniprogram/login'].post.requestBody.content['application/json'].schema).toEqual(
      expect.objectContaining({ type: 'object', required: ['code'], additionalProperties: false }),
    );
    expect(res.body.components.schemas.ErrorBody).toBeDefined();
  });
});
