import { render, screen } from '@testing-library/react';
import { fail, fakeConsoleApi, json } from '../console-content/testing/fake-console-api';
import { MyContactCodePanel } from './MyContactCodePanel';

describe('MyContactCodePanel', () => {
  it('shows the salesperson’s own QR to share', async () => {
    fakeConsoleApi({ 'GET /api/channels/me/contact-code': json({ channelId: 'c1', name: '李雷的活码', state: 'ch_abcdefghij', qrUrl: 'http://zhike.test/files/k1', adds: 3 }) });
    render(<MyContactCodePanel />);
    expect((await screen.findByTestId('my-contact-qr')).getAttribute('src')).toBe('http://zhike.test/files/k1');
    expect(screen.getByTestId('my-contact-code').textContent).toContain('已通过此码添加 3 位客户');
  });

  it('says what went wrong and offers a retry', async () => {
    fakeConsoleApi({ 'GET /api/channels/me/contact-code': fail(502, 'UPSTREAM_REJECTED', '企业微信拒绝了活码配置') });
    render(<MyContactCodePanel />);
    expect(await screen.findByRole('button', { name: '重试' })).toBeTruthy();
  });
});
