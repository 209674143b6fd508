export type {
  CreateJsapiOrderInput,
  JsapiPayParams,
  RefundInput,
  WeChatPayNotification,
  WeChatPayRefund,
  WeChatPayRefundStatus,
  WeChatPayTradeState,
  WeChatPayTransaction,
} from './wechatpay-types';
export { WeChatPayClient, type WeChatPayClientOptions } from './wechatpay-client';
export { WeChatPayNotificationRejected, WeChatPayNotificationVerifier, type WeChatPayNotificationRejection } from './notification-verifier';
export { WeChatPayApiError } from './wechatpay-api-error';
export { WeChatPayVerificationKeys, certificateSerial } from './verification-keys';
export { loadWeChatPayCredentials, type WeChatPayCredentials } from './wechatpay-credentials';
