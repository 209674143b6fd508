import { Button } from '@tarojs/components';
import { disabledWhen } from '../../lib/disabled-when';
import { shareInBrowser, type ShareContent } from './use-page-share';
import './share.css';

/**
 * 分享给好友: in WeChat an `open-type="share"` button (the page's useShareAppMessage builds the card and
 * tracks it); in the H5 build it copies the link.
 */
export function ShareButton({ content, label = '分享给好友' }: { content: ShareContent | undefined; label?: string }) {
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <Button className='share-button' openType='share' {...disabledWhen(!content)}>
        {label}
      </Button>
    );
  }
  return (
    <Button className='share-button' {...disabledWhen(!content)} onClick={() => content && shareInBrowser(content)}>
      {label}
    </Button>
  );
}
