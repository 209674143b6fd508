import { useCallback, useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { CustomerProfile } from '@zhike/shared/auth';
import { useLandingReferral } from '../../features/referral/use-landing-referral';
import { loadCurrentCustomer } from '../../lib/auth';
import { errorMessage } from '../../lib/request';
import './index.css';

type Welcome =
  | { status: 'loading' }
  | { status: 'ready'; customer: CustomerProfile }
  | { status: 'failed'; message: string };

export default function HomePage() {
  const [welcome, setWelcome] = useState<Welcome>({ status: 'loading' });

  const load = useCallback(() => {
    setWelcome({ status: 'loading' });
    loadCurrentCustomer().then(
      (customer) => setWelcome({ status: 'ready', customer }),
      (error: unknown) => setWelcome({ status: 'failed', message: errorMessage(error) }),
    );
  }, []);

  useEffect(load, [load]);
  const referral = useLandingReferral(welcome.status === 'ready');

  return (
    <View className='home'>
      <View className='home-hero'>
        <Text className='home-brand'>知客优选</Text>
        <Text className='home-tagline'>甄选好物 · 专属顾问为你服务</Text>
        {referral.status === 'shown' && <Text className='home-referral'>{referral.text}</Text>}
        {referral.status === 'failed' && <Text className='home-referral-error'>{referral.notice}</Text>}
      </View>

      <View className='home-welcome'>
        {welcome.status === 'loading' && <Text className='home-loading'>正在登录…</Text>}
        {welcome.status === 'ready' && (
          <>
            <Text className='home-greeting'>{`你好，${welcome.customer.displayName}`}</Text>
            <Text className='home-welcome-note'>欢迎来到知客优选，愿你今天挑到心仪好物</Text>
          </>
        )}
        {welcome.status === 'failed' && (
          <>
            <Text className='home-error'>{welcome.message}</Text>
            <Button className='home-retry' size='mini' onClick={load}>
              重试
            </Button>
          </>
        )}
      </View>

      <View className='home-section'>
        <Text className='home-section-title'>精选好物</Text>
        <View className='home-coming-soon'>
          <Text className='home-coming-soon-title'>新品正在上架</Text>
          <Text className='home-coming-soon-note'>精选商品即将与你见面，敬请期待</Text>
        </View>
      </View>
    </View>
  );
}
