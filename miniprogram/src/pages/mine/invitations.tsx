import { Image, Text, View } from '@tarojs/components';
import type { MyInvitation, MyInvitationsResponse } from '@zhike/shared/referrals';
import { shanghaiDay } from '@zhike/shared/time';
import { Empty, Failed, Loading } from '../../components/status';
import { assetUrl } from '../../lib/asset-url';
import { ApiError } from '../../lib/request';
import type { Remote } from '../../lib/use-remote';

function statusOf(invitation: MyInvitation): { text: string; className: string } {
  if (invitation.converted) return { text: '已下单', className: 'invite-status invite-status-converted' };
  if (invitation.activated) return { text: '已登录', className: 'invite-status invite-status-activated' };
  return { text: '已邀请', className: 'invite-status' };
}

function Invitee({ invitation }: { invitation: MyInvitation }) {
  const status = statusOf(invitation);
  return (
    <View className='invitee'>
      {invitation.avatar ? (
        <Image className='invitee-avatar' src={assetUrl(invitation.avatar)} mode='aspectFill' />
      ) : (
        <View className='invitee-avatar invitee-avatar-initial'>
          <Text>{invitation.displayName.slice(0, 1)}</Text>
        </View>
      )}
      <View className='invitee-text'>
        <Text className='invitee-name'>{invitation.displayName}</Text>
        <Text className='invitee-date'>{`${shanghaiDay(invitation.invitedAt)} 加入`}</Text>
      </View>
      <Text className={status.className}>{status.text}</Text>
    </View>
  );
}

/** 我的邀请: three counts, then who was invited and how far they got. */
export function Invitations({ state, onRetry }: { state: Remote<MyInvitationsResponse>; onRetry: () => void }) {
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') {
    // A server without the referral routes yet answers 404: say it is coming rather than failing.
    if (state.error instanceof ApiError && state.error.status === 404) return <Empty title='邀请功能即将开放' />;
    return <Failed message={state.message} onRetry={onRetry} />;
  }
  const { counts, invited } = state.data;
  return (
    <View>
      <View className='invite-counts'>
        <View className='invite-count'>
          <Text className='invite-count-value'>{counts.invited}</Text>
          <Text className='invite-count-label'>已邀请</Text>
        </View>
        <View className='invite-count'>
          <Text className='invite-count-value'>{counts.activated}</Text>
          <Text className='invite-count-label'>已登录</Text>
        </View>
        <View className='invite-count'>
          <Text className='invite-count-value'>{counts.converted}</Text>
          <Text className='invite-count-label'>已下单</Text>
        </View>
      </View>
      {invited.length === 0 ? (
        <Text className='invite-empty'>还没有邀请到好友，把喜欢的好物分享给朋友吧</Text>
      ) : (
        invited.map((invitation, index) => <Invitee key={`${invitation.invitedAt}-${index}`} invitation={invitation} />)
      )}
    </View>
  );
}
