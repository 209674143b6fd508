import { fireEvent, render, screen } from '@testing-library/react';
import { fail, ok, serveApi } from '../../test/api';
import { loggedIn } from '../../test/session';
import taro, { resetTaro } from '../../test/taro';
import SalespersonPage from './index';

const MINE = 'GET /api/customers/me/salesperson';

describe('SalespersonPage', () => {
  beforeEach(() => {
    resetTaro();
    loggedIn();
  });

  it('shows the salesperson and their 联系我 code, which opens full screen for 识别二维码', async () => {
    serveApi({
      [MINE]: () => ok({ salesperson: { userid: 'lilei', name: '李雷', avatar: '/sandbox/demo/avatar/lilei.svg', position: '高级美妆顾问' }, contactQrUrl: '/files/contact-lilei.png' }),
    });

    const { container } = render(<SalespersonPage />);

    expect(await screen.findByText('李雷')).toBeTruthy();
    expect(screen.getByText('高级美妆顾问')).toBeTruthy();
    expect(screen.getByText('长按识别二维码，添加顾问企业微信')).toBeTruthy();
    expect((container.querySelector('.advisor-qr-image') as HTMLImageElement).src).toBe('https://api.test/files/contact-lilei.png');

    fireEvent.click(screen.getByRole('button', { name: '查看大图' }));
    expect(taro.previewImage).toHaveBeenCalledWith({ urls: ['https://api.test/files/contact-lilei.png'], current: 'https://api.test/files/contact-lilei.png' });
  });

  it('says the code is being prepared when the salesperson has none yet', async () => {
    serveApi({ [MINE]: () => ok({ salesperson: { userid: 'lilei', name: '李雷', avatar: '' } }) });
    render(<SalespersonPage />);
    expect(await screen.findByText('顾问的企业微信二维码正在准备中，稍后再来看看')).toBeTruthy();
    expect(screen.getByText('专属顾问')).toBeTruthy();
  });

  it.each([
    ['nobody is assigned', () => ok({ salesperson: null })],
    ['the server does not know the route yet', () => fail(404, 'NOT_FOUND', '没有这个接口')],
  ])('shows a friendly empty state when %s', async (_why, answer) => {
    serveApi({ [MINE]: answer });
    render(<SalespersonPage />);
    expect(await screen.findByText('暂未为您分配专属顾问')).toBeTruthy();
  });
});
