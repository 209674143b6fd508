import { SANDBOX_MEMBER_COOKIE } from '@zhike/shared/demo';
import request from 'supertest';
import type { TestApp } from './test-app';

/**
 * Walks the browser's part of WeCom OAuth: our authorize route → the sandbox's OAuth page (as the given
 * member) → our callback. Returns the callback response (session cookie set, redirect back).
 */
export async function completeStaffOAuth(app: TestApp, userid: string, redirect = '/sidebar/') {
  const start = await request(app.callback).get('/api/auth/wecom/authorize').query({ redirect });
  const wecomPage = new URL(start.headers.location!);
  const atWeCom = await fetch(wecomPage.toString().replace(/#.*$/, ''), {
    redirect: 'manual',
    headers: { cookie: `${SANDBOX_MEMBER_COOKIE}=${userid}` },
  });
  const back = new URL(atWeCom.headers.get('location')!);
  const callback = await request(app.callback).get(back.pathname + back.search);
  return { start, wecomPage, back, callback };
}

/** The staff session cookie pair ("name=value") from a response that set it. */
export function sessionCookie(response: request.Response): string {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const session = cookies.find((c) => c.startsWith('zhike_staff_session='));
  if (!session) throw new Error(`no session cookie in ${JSON.stringify(cookies)}`);
  return session.split(';')[0]!;
}
