import type { MyContactCodeResponse } from '@zhike/shared/channels';
import { describeError } from '../../lib/describe-error';
import { useLoaded } from '../../lib/use-loaded';
import { fetchMyContactCode } from './my-contact-code.api';

/**
 * 我的活码: the salesperson's own 「联系我」 QR, to show on their phone or forward, so customers add them
 * directly; adds through it are counted like any channel's.
 */
export function MyContactCodePanel() {
  const { state, retry } = useLoaded<MyContactCodeResponse>(fetchMyContactCode, (error) => describeError(error).message);
  if (state.kind === 'loading') {
    return (
      <section className="card" aria-busy="true">
        <p className="muted">正在生成你的活码…</p>
      </section>
    );
  }
  if (state.kind === 'failed') {
    return (
      <section className="card" role="alert">
        <p>{state.message}</p>
        <button type="button" className="button button-small" onClick={retry}>
          重试
        </button>
      </section>
    );
  }
  const code = state.value;
  return (
    <section className="card my-contact-code" data-testid="my-contact-code">
      <h2 className="card-title">我的活码</h2>
      <img src={code.qrUrl} alt="我的企业微信二维码" width={220} height={220} data-testid="my-contact-qr" />
      <p className="muted">客户用微信扫码即可添加你为好友，已通过此码添加 {code.adds} 位客户。</p>
      <p>
        <a className="button button-small" href={code.qrUrl} download={`${code.name}.png`}>
          保存二维码
        </a>
      </p>
    </section>
  );
}
