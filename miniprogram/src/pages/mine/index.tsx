import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import { shanghaiDay } from '@zhike/shared/time';
import { Failed, Loading } from '../../components/status';
import { fetchMyInvitations } from '../../features/customer/api';
import { rememberInviteCode } from '../../features/referral/invite-code';
import { ShareButton } from '../../features/share/share-button';
import { usePageShare, type ShareContent } from '../../features/share/use-page-share';
import { loadCurrentCustomer } from '../../lib/auth';
import { openPage } from '../../lib/navigation';
import { trackTap, usePageTracking } from '../../lib/tracking';
import { useRemote } from '../../lib/use-remote';
import { routes } from '../../routes';
import { Invitations } from './invitations';
import './index.css';

/** Inviting a friend shares the home page; the path carries the customer's invite code. */
const INVITE_SHARE: ShareContent = { title: '我在知客优选发现了不少好物，一起来逛逛', route: routes.home, target: { kind: 'page', id: 'invite', title: '邀请好友' } };

const ORDER_SHORTCUTS = [
  { label: '待支付', open: () => openPage('orderList', { status: 'pending' }) },
  { label: '已支付', open: () => openPage('orderList', { status: 'paid' }) },
  { label: '已完成', open: () => openPage('orderList', { status: 'fulfilled' }) },
  { label: '购物车', open: () => openPage('cart') },
];

export default function MinePage() {
  const [me, reloadMe] = useRemote(loadCurrentCustomer, 'me');
  // Both wait for the same login when there is no session yet.
  const [invitations, reloadInvitations] = useRemote(fetchMyInvitations, 'invitations');

  useEffect(() => {
    if (invitations.status === 'ready') rememberInviteCode(invitations.data.inviteCode);
  }, [invitations]);

  usePageTracking(routes.mine);
  usePageShare(INVITE_SHARE);

  const contactAdvisor = () => {
    trackTap({ kind: 'element', id: 'mine-advisor', title: '联系我的专属顾问' });
    openPage('salesperson');
  };

  return (
    <View className='mine'>
      <View className='mine-header'>
        {me.status === 'loading' && <Loading text='正在登录…' />}
        {me.status === 'failed' && <Failed message={me.message} onRetry={reloadMe} />}
        {me.status === 'ready' && (
          <View className='mine-profile'>
            <View className='mine-avatar'>
              <Text>{me.data.displayName.slice(0, 1)}</Text>
            </View>
            <View className='mine-profile-text'>
              <Text className='mine-name'>{me.data.displayName}</Text>
              <Text className='mine-since'>{`${shanghaiDay(me.data.firstSeenAt)} 加入知客优选`}</Text>
            </View>
          </View>
        )}
      </View>

      <View className='mine-card mine-advisor' onClick={contactAdvisor}>
        <View className='mine-advisor-text'>
          <Text className='mine-card-title'>联系我的专属顾问</Text>
          <Text className='mine-card-note'>一对一解答选购问题，添加企业微信不错过福利</Text>
        </View>
        <Text className='mine-chevron'>›</Text>
      </View>

      <View className='mine-card'>
        <View className='mine-card-head' onClick={() => openPage('orderList')}>
          <Text className='mine-card-title'>我的订单</Text>
          <Text className='mine-card-link'>全部订单 ›</Text>
        </View>
        <View className='mine-order-shortcuts'>
          {ORDER_SHORTCUTS.map((shortcut) => (
            <View key={shortcut.label} className='mine-order-shortcut' onClick={shortcut.open}>
              <Text className='mine-order-shortcut-label'>{shortcut.label}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className='mine-card'>
        <View className='mine-card-head'>
          <Text className='mine-card-title'>我的邀请</Text>
          <ShareButton content={INVITE_SHARE} label='邀请好友' />
        </View>
        <Invitations state={invitations} onRetry={reloadInvitations} />
      </View>
    </View>
  );
}
