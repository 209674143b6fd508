import { fireEvent, render, screen } from '@testing-library/react';
import type { PosterSceneResponse } from '@zhike/shared/content';
import { fail, ok, serveApi } from '../../test/api';
import { loggedIn } from '../../test/session';
import taro, { resetTaro, sentRequests, setRouterParams } from '../../test/taro';
import LandingPage from './index';

const SCANS = 'POST /api/content/scans';
const poster: PosterSceneResponse = {
  posterTitle: '双11 邀请函',
  campaign: '双11',
  salesperson: { userid: 'lilei', name: '李雷', avatar: '/sandbox/demo/avatar/lilei.svg' },
};

describe('LandingPage', () => {
  beforeEach(() => {
    resetTaro();
    loggedIn();
  });

  it('resolves the poster scene once and shows the salesperson and the campaign, then leads to the store', async () => {
    setRouterParams({ scene: 'pAbc123xyz9' });
    serveApi({ [SCANS]: () => ok(poster) });

    const { container } = render(<LandingPage />);

    expect(await screen.findByText('李雷')).toBeTruthy();
    expect(screen.getByText('《双11 邀请函》')).toBeTruthy();
    expect(screen.getByText('活动 · 双11')).toBeTruthy();
    expect((container.querySelector('.landing-avatar') as HTMLImageElement).src).toBe('https://api.test/sandbox/demo/avatar/lilei.svg');
    expect(sentRequests()).toEqual([SCANS]);

    fireEvent.click(screen.getByRole('button', { name: '进入商城逛逛' }));
    expect(taro.switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/index/index' }));
    fireEvent.click(screen.getByRole('button', { name: '添加顾问企业微信' }));
    expect(taro.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/salesperson/index' }));
  });

  it('explains an expired poster quietly and still offers the store', async () => {
    setRouterParams({ scene: 'pAbc123xyz9' });
    serveApi({ [SCANS]: () => fail(410, 'SCENE_EXPIRED', '海报已过期') });
    render(<LandingPage />);
    expect(await screen.findByText('这张海报的活动已结束，欢迎随便逛逛')).toBeTruthy();
    expect(screen.getByRole('button', { name: '进入商城逛逛' })).toBeTruthy();
  });
});
