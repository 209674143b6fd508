import { useEffect, useState } from 'react';
import { Avatar } from '../../../lib/ui/Avatar';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * Who a listed customer is, and how to reach them: the console cannot open a WeCom chat, so it hands over the
 * external_userid (the id WeCom and the sidebar know the customer by) with one click to copy it.
 */
export function CustomerIdentity({ name, avatar, externalUserId }: { name: string; avatar: string | null; externalUserId: string | null }) {
  const [copy, setCopy] = useState<CopyState>('idle');

  useEffect(() => {
    if (copy === 'idle') return;
    const timer = setTimeout(() => setCopy('idle'), 2000);
    return () => clearTimeout(timer);
  }, [copy]);

  const copyId = (id: string) => {
    // No clipboard outside a secure context (http on a LAN address): the id stays on screen to select by hand.
    if (!navigator.clipboard) return setCopy('failed');
    navigator.clipboard.writeText(id).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };

  return (
    <span className="customer-identity">
      <Avatar name={name} src={avatar ?? undefined} size={28} />
      <span className="customer-identity-text">
        <span className="customer-identity-name">{name}</span>
        {externalUserId ? (
          <span className="customer-identity-id">
            <code title="企业微信外部联系人 ID">{externalUserId}</code>
            <button type="button" className="link-button" data-testid="copy-external-userid" onClick={() => copyId(externalUserId)}>
              {copy === 'copied' ? '已复制' : copy === 'failed' ? '请手动复制' : '复制ID'}
            </button>
          </span>
        ) : (
          <span className="muted customer-identity-id">尚未添加企业微信</span>
        )}
      </span>
    </span>
  );
}
