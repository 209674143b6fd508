import type { JsSdkSignature } from '@zhike/shared/auth';
import { newNonce, signJsApi, type WeComClient } from '../../integrations/wecom';
import { AppError } from '../../platform/http/app-error';

/** Signs page URLs for ww.register, only for pages on our own origin(s). */
export class JsSdkService {
  constructor(
    private readonly wecom: Pick<WeComClient, 'corpId' | 'agentId' | 'getCorpJsApiTicket' | 'getAgentJsApiTicket'>,
    private readonly allowedOrigins: string[],
    private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  corpSignature(url: string): Promise<JsSdkSignature> {
    return this.sign(url, () => this.wecom.getCorpJsApiTicket());
  }

  agentSignature(url: string): Promise<JsSdkSignature> {
    return this.sign(url, () => this.wecom.getAgentJsApiTicket());
  }

  private async sign(url: string, ticket: () => Promise<string>): Promise<JsSdkSignature> {
    if (!this.allowedOrigins.includes(new URL(url).origin)) {
      throw new AppError('URL_NOT_ALLOWED', '只能为本站页面签名', [{ field: 'query.url', issue: `来源必须是 ${this.allowedOrigins.join(' 或 ')}` }]);
    }
    const timestamp = this.nowSeconds();
    const nonceStr = newNonce();
    const signature = signJsApi({ ticket: await ticket(), nonceStr, timestamp, url });
    return { corpId: this.wecom.corpId, agentId: this.wecom.agentId, timestamp, nonceStr, signature };
  }
}
