import WxPay from 'wechatpay-node-v3';
import type { IPayRequest } from 'wechatpay-node-v3/dist/define';

/** What a library call resolves to once our transport has vetted the answer (failures are thrown). */
export interface LibraryOutput {
  status: number;
  data?: unknown;
}

export interface LibraryJsapiOrder {
  description: string;
  out_trade_no: string;
  time_expire?: string;
  attach?: string;
  notify_url: string;
  amount: { total: number; currency: 'CNY' };
  payer: { openid: string };
}

export interface LibraryRefund {
  out_trade_no: string;
  out_refund_no: string;
  reason?: string;
  notify_url?: string;
  amount: { refund: number; total: number; currency: 'CNY' };
}

/**
 * The part of wechatpay-node-v3 2.2.1 we use: request signing (`Authorization`) and the URL and body of
 * each API. Its own transport, verification and decryption are not used (see the protocol reference §D7).
 * Typed here because its declarations answer `any`.
 */
export interface WeChatPaySigningLibrary {
  createHttp(service: IPayRequest): void;
  /** Adds appid and mchid to the body; on success `data.package` is `prepay_id=…` (its paySign is not used). */
  transactions_jsapi(params: LibraryJsapiOrder): Promise<LibraryOutput>;
  query(params: { out_trade_no: string }): Promise<LibraryOutput>;
  close(outTradeNo: string): Promise<LibraryOutput>;
  refunds(params: LibraryRefund): Promise<LibraryOutput>;
  find_refunds(outRefundNo: string): Promise<LibraryOutput>;
}

export interface SigningLibraryOptions {
  appId: string;
  mchId: string;
  merchantCertificatePem: string;
  merchantPrivateKeyPem: string;
  /** Upper-case, as WeChat Pay shows it; the library's own getSN() would give lower case. */
  merchantSerial: string;
  userAgent: string;
}

export function createSigningLibrary(options: SigningLibraryOptions, http: IPayRequest): WeChatPaySigningLibrary {
  const pay: WeChatPaySigningLibrary = new WxPay({
    appid: options.appId,
    mchid: options.mchId,
    // The library's "publicKey" is the merchant API certificate (apiclient_cert.pem), not WeChat Pay's key.
    publicKey: Buffer.from(options.merchantCertificatePem),
    privateKey: Buffer.from(options.merchantPrivateKeyPem),
    serial_no: options.merchantSerial,
    userAgent: options.userAgent,
  });
  pay.createHttp(http);
  return pay;
}
