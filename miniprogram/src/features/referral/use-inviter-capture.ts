import Taro, { useDidShow } from '@tarojs/taro';
import { captureInviter } from './inviter';

/**
 * Reads `inviter` from the page's own query each time it shows: a shared card opens a page directly
 * (on H5, and on a warm start in WeChat), not only through the launch options app.ts sees.
 */
export function useInviterCapture(): void {
  useDidShow(() => captureInviter(Taro.getCurrentInstance().router?.params));
}
