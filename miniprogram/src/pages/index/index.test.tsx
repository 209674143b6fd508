import { fireEvent, render, screen } from '@testing-library/react';
import type { OpenedContentResponse, PosterSceneResponse } from '@zhike/shared/content';
import { customerSession, fail, ok, serveApi } from '../../test/api';
import taro, { resetTaro, sentRequests, setRouterParams, type FakeRequest } from '../../test/taro';
import { perfume, serum, skincareArticle } from '../../test/catalog-fixtures';
import HomePage from './index';

const WX_LOGIN = 'POST /sandbox/demo/wx-login';
const LOGIN = 'POST /api/auth/miniprogram/login';
const SCANS = 'POST /api/content/scans';
const OPENS = 'POST /api/content/opens';

const poster: PosterSceneResponse = {
  posterTitle: '春季新品海报',
  campaign: 'spring-2026',
  salesperson: { userid: 'lilei', name: '李雷', avatar: '/sandbox/demo/avatar/lilei.svg' },
};
const opened: OpenedContentResponse = { kind: 'script', title: '新品上市', salespersonName: '韩梅梅' };

const CATALOG = {
  'GET /api/catalog/products': () => ok({ items: [serum, perfume] }),
  'GET /api/catalog/articles': () => ok({ items: [skincareArticle] }),
};

/** The server for the home page: the public catalogue, plus the routes of the test. */
function serveHome(routes: Parameters<typeof serveApi>[0]): void {
  serveApi({ ...CATALOG, ...routes });
}

/** The requests of login and landing, leaving out the public catalogue the page loads alongside. */
function loginAndLandingRequests(): string[] {
  return sentRequests().filter((key) => !key.startsWith('GET /api/catalog/'));
}

/** The requests sent to one endpoint, with their bodies and headers. */
function requestsTo(key: string): FakeRequest[] {
  return taro.request.mock.calls.map(([req]: [FakeRequest]) => req).filter((req: FakeRequest) => `${req.method} ${req.url.replace(ZHIKE_API_BASE_URL, '')}` === key);
}

describe('HomePage', () => {
  beforeEach(resetTaro);

  it('shows the brand and greets the customer by name once logged in', async () => {
    serveHome({ [WX_LOGIN]: () => ok({ code: 'code-1' }), [LOGIN]: () => ok(customerSession()) });

    render(<HomePage />);

    expect(screen.getByText('知客优选')).toBeTruthy();
    expect(screen.getByText('正在登录…')).toBeTruthy();
    expect(await screen.findByText('你好，王小明')).toBeTruthy();
    expect(screen.queryByText('正在登录…')).toBeNull();
  });

  it('shows why login failed and logs in again on 重试', async () => {
    serveHome({
      [WX_LOGIN]: () => ok({ code: 'code-1' }),
      [LOGIN]: [() => fail(503, 'UPSTREAM_UNAVAILABLE', '微信服务暂时不可用，请稍后重试'), () => ok(customerSession())],
    });

    render(<HomePage />);

    const error = await screen.findByText('微信服务暂时不可用，请稍后重试');
    expect(error.className).toBe('home-error');
    expect(screen.queryByText(/你好/)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '重试' }));

    expect(await screen.findByText('你好，王小明')).toBeTruthy();
    expect(screen.queryByText('微信服务暂时不可用，请稍后重试')).toBeNull();
    expect(loginAndLandingRequests()).toEqual([WX_LOGIN, LOGIN, WX_LOGIN, LOGIN]);
  });

  describe('landing from a poster or a shared card', () => {
    it('decodes the poster scene, reports it once after login and names who invited the customer', async () => {
      setRouterParams({ scene: 'p%3DXy7k%26c%3D1' });
      serveHome({ [WX_LOGIN]: () => ok({ code: 'code-1' }), [LOGIN]: () => ok(customerSession()), [SCANS]: () => ok(poster) });

      const { rerender } = render(<HomePage />);

      const banner = await screen.findByText('李雷 邀请您查看《春季新品海报》');
      expect(banner.className).toBe('home-referral');
      expect(requestsTo(SCANS)).toEqual([expect.objectContaining({ data: { scene: 'p=Xy7k&c=1' }, header: { Authorization: 'Bearer token-wang-1' } })]);

      rerender(<HomePage />);
      expect(await screen.findByText('你好，王小明')).toBeTruthy();
      expect(loginAndLandingRequests()).toEqual([WX_LOGIN, LOGIN, SCANS]);
    });

    it('reports the tracking token of a shared card and names who shared what', async () => {
      setRouterParams({ t: 'tk_2f9c1a7b3d5e' });
      serveHome({ [WX_LOGIN]: () => ok({ code: 'code-1' }), [LOGIN]: () => ok(customerSession()), [OPENS]: () => ok(opened) });

      render(<HomePage />);

      expect((await screen.findByText('韩梅梅 分享给您《新品上市》')).className).toBe('home-referral');
      expect(requestsTo(OPENS).map((req) => req.data)).toEqual([{ token: 'tk_2f9c1a7b3d5e' }]);
      expect(loginAndLandingRequests()).not.toContain(SCANS);
    });

    it('waits for a retried login and still reports the landing only once', async () => {
      setRouterParams({ scene: 's1' });
      serveHome({
        [WX_LOGIN]: () => ok({ code: 'code-1' }),
        [LOGIN]: [() => fail(503, 'UPSTREAM_UNAVAILABLE', '微信服务暂时不可用，请稍后重试'), () => ok(customerSession())],
        [SCANS]: () => ok(poster),
      });

      render(<HomePage />);
      fireEvent.click(await screen.findByRole('button', { name: '重试' }));

      expect(await screen.findByText('李雷 邀请您查看《春季新品海报》')).toBeTruthy();
      expect(loginAndLandingRequests()).toEqual([WX_LOGIN, LOGIN, WX_LOGIN, LOGIN, SCANS]);
    });

    it.each([
      ['an expired poster', { scene: 's1' }, SCANS, fail(410, 'SCENE_EXPIRED', '海报已过期'), '这张海报的活动已结束，欢迎随便逛逛'],
      ['an unknown poster', { scene: 's1' }, SCANS, fail(404, 'NOT_FOUND', '海报不存在'), '没有找到这张海报的信息，欢迎随便逛逛'],
      ['a forged card token', { t: 'tk_forged_000000' }, OPENS, fail(400, 'TRACKING_TOKEN_INVALID', '链接无效'), '分享的内容已失效，欢迎随便逛逛'],
      ['a server that is down', { t: 'tk_2f9c1a7b3d5e' }, OPENS, fail(503, 'UPSTREAM_UNAVAILABLE', '稍后重试'), '暂时没能识别分享来源，不影响您浏览'],
    ])('shows a quiet notice for %s and keeps the page usable', async (_why, params, endpoint, answer, notice) => {
      setRouterParams(params);
      serveHome({ [WX_LOGIN]: () => ok({ code: 'code-1' }), [LOGIN]: () => ok(customerSession()), [endpoint]: () => answer });

      render(<HomePage />);

      expect((await screen.findByText(notice)).className).toBe('home-referral-error');
      expect(screen.getByText('你好，王小明')).toBeTruthy();
      expect(screen.queryByText(/邀请您查看|分享给您/)).toBeNull();
      expect(requestsTo(endpoint)).toHaveLength(1);
    });

    it('says nothing about referrals on a plain visit', async () => {
      serveHome({ [WX_LOGIN]: () => ok({ code: 'code-1' }), [LOGIN]: () => ok(customerSession()) });

      const { container } = render(<HomePage />);

      expect(await screen.findByText('你好，王小明')).toBeTruthy();
      expect(container.querySelector('.home-referral, .home-referral-error')).toBeNull();
      expect(loginAndLandingRequests()).toEqual([WX_LOGIN, LOGIN]);
    });
  });
});
