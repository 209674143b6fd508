import { useState } from 'react';
import { Button, Image, Text, View } from '@tarojs/components';
import { Loading } from '../../components/status';
import { currentLanding, landingErrorNotice, resolveLanding, type Landing, type ResolvedLanding } from '../../features/referral/landing';
import { useInviterCapture } from '../../features/referral/use-inviter-capture';
import { assetUrl } from '../../lib/asset-url';
import { openPage } from '../../lib/navigation';
import { TARGET_PENDING, trackTap, usePageTracking, type TrackTarget } from '../../lib/tracking';
import { useRemote } from '../../lib/use-remote';
import { routes } from '../../routes';
import './index.css';

async function resolve(landing: Landing | undefined): Promise<ResolvedLanding | undefined> {
  return landing ? resolveLanding(landing) : undefined;
}

function targetOf(landing: Landing | undefined, resolved: ResolvedLanding | undefined): TrackTarget | undefined {
  if (landing?.kind !== 'scene') return undefined;
  return { kind: 'poster', id: landing.scene, ...(resolved?.kind === 'scene' ? { title: resolved.poster.posterTitle } : {}) };
}

/** Who invited the customer, large: the salesperson's face and name, then what the invitation is about. */
function Invitation({ resolved }: { resolved: ResolvedLanding }) {
  const person = resolved.kind === 'scene' ? resolved.poster.salesperson : undefined;
  const name = resolved.kind === 'scene' ? resolved.poster.salesperson.name : resolved.opened.salespersonName;
  const title = resolved.kind === 'scene' ? resolved.poster.posterTitle : resolved.opened.title;
  return (
    <View className='landing-card'>
      {person?.avatar ? (
        <Image className='landing-avatar' src={assetUrl(person.avatar)} mode='aspectFill' />
      ) : (
        <View className='landing-avatar landing-avatar-initial'>
          <Text>{name.slice(0, 1)}</Text>
        </View>
      )}
      <Text className='landing-name'>{name}</Text>
      <Text className='landing-role'>您的专属顾问</Text>
      <Text className='landing-invites'>{resolved.kind === 'scene' ? '诚邀您参加' : '给您分享了'}</Text>
      <Text className='landing-title'>{`《${title}》`}</Text>
      {resolved.kind === 'scene' && resolved.poster.campaign && <Text className='landing-campaign'>{`活动 · ${resolved.poster.campaign}`}</Text>}
    </View>
  );
}

/**
 * A poster's code (or a script's card) can open this page directly: it reports the scan once, shows
 * who invited the customer to what, and leads on to the store. Codes printed for the home page keep
 * working there.
 */
export default function LandingPage() {
  const [landing] = useState(currentLanding);
  const [state] = useRemote(() => resolve(landing), 'landing');
  const resolved = state.status === 'ready' ? state.data : undefined;

  usePageTracking(routes.landing, state.status === 'loading' && landing ? TARGET_PENDING : targetOf(landing, resolved));
  useInviterCapture();

  const enterStore = () => {
    trackTap({ kind: 'element', id: 'landing-enter-store', title: '进入商城' });
    openPage('home');
  };
  const addAdvisor = () => {
    trackTap({ kind: 'element', id: 'landing-add-advisor', title: '添加顾问企业微信' });
    openPage('salesperson');
  };

  return (
    <View className='landing'>
      <View className='landing-hero'>
        <Text className='landing-brand'>知客优选</Text>
        <Text className='landing-tagline'>甄选好物 · 专属顾问为你服务</Text>
      </View>
      {state.status === 'loading' && <Loading text='正在打开邀请…' />}
      {resolved && <Invitation resolved={resolved} />}
      {state.status === 'ready' && !resolved && <Text className='landing-notice'>欢迎来到知客优选，随便逛逛吧</Text>}
      {state.status === 'failed' && <Text className='landing-notice'>{landing ? landingErrorNotice(landing, state.error) : '欢迎来到知客优选'}</Text>}
      {state.status !== 'loading' && (
        <View className='landing-actions'>
          <Button className='landing-primary' onClick={enterStore}>
            进入商城逛逛
          </Button>
          {resolved && (
            <Button className='landing-secondary' onClick={addAdvisor}>
              添加顾问企业微信
            </Button>
          )}
        </View>
      )}
    </View>
  );
}
