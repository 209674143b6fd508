import Taro from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import type { MySalespersonResponse } from '@zhike/shared/referrals';
import { Failed, Loading } from '../../components/status';
import { fetchMySalesperson } from '../../features/customer/api';
import { assetUrl } from '../../lib/asset-url';
import { openPage } from '../../lib/navigation';
import { trackTap, usePageTracking } from '../../lib/tracking';
import { useRemote } from '../../lib/use-remote';
import { routes } from '../../routes';
import './index.css';

type Assigned = MySalespersonResponse & { salesperson: NonNullable<MySalespersonResponse['salesperson']> };

/**
 * The QR is the salesperson's 「联系我」 code. In WeChat a long press on the image (show-menu-by-longpress)
 * or on the full-screen preview offers 识别二维码, which adds them on WeCom.
 */
function ContactCode({ url, name }: { url: string; name: string }) {
  const full = assetUrl(url);
  const preview = () => {
    trackTap({ kind: 'element', id: 'advisor-qr', title: `查看 ${name} 的企业微信二维码` });
    void Taro.previewImage({ urls: [full], current: full }).catch(() => undefined);
  };
  return (
    <View className='advisor-qr'>
      <Image className='advisor-qr-image' src={full} mode='aspectFit' showMenuByLongpress onClick={preview} />
      <Text className='advisor-qr-hint'>长按识别二维码，添加顾问企业微信</Text>
      <Button className='advisor-qr-preview' onClick={preview}>
        查看大图
      </Button>
    </View>
  );
}

function Advisor({ assigned }: { assigned: Assigned }) {
  const { salesperson, contactQrUrl } = assigned;
  return (
    <View className='advisor-card'>
      {salesperson.avatar ? (
        <Image className='advisor-avatar' src={assetUrl(salesperson.avatar)} mode='aspectFill' />
      ) : (
        <View className='advisor-avatar advisor-avatar-initial'>
          <Text>{salesperson.name.slice(0, 1)}</Text>
        </View>
      )}
      <Text className='advisor-name'>{salesperson.name}</Text>
      <Text className='advisor-position'>{salesperson.position ?? '专属顾问'}</Text>
      <Text className='advisor-intro'>选购建议、售后问题、会员福利，都可以直接找我</Text>
      {contactQrUrl ? (
        <ContactCode url={contactQrUrl} name={salesperson.name} />
      ) : (
        <Text className='advisor-no-qr'>顾问的企业微信二维码正在准备中，稍后再来看看</Text>
      )}
    </View>
  );
}

export default function SalespersonPage() {
  const [state, reload] = useRemote(fetchMySalesperson, 'salesperson');
  usePageTracking(routes.salesperson);

  return (
    <View className='advisor'>
      <View className='advisor-hero' />
      {state.status === 'loading' && <Loading />}
      {state.status === 'failed' && <Failed message={state.message} onRetry={reload} />}
      {state.status === 'ready' &&
        (state.data.salesperson ? (
          <Advisor assigned={state.data as Assigned} />
        ) : (
          <View className='advisor-card'>
            <Text className='advisor-empty-title'>暂未为您分配专属顾问</Text>
            <Text className='advisor-intro'>顾问分配后会在这里出现，您可以先逛逛我们的好物</Text>
            <Button className='advisor-qr-preview' onClick={() => openPage('home')}>
              去逛逛
            </Button>
          </View>
        ))}
    </View>
  );
}
