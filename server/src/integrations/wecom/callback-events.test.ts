import { CallbackRejectedError } from './callback-crypto';
import {
  buildCallbackEventXml,
  callbackEventKey,
  parseCallbackEvent,
  type WeComContactChangeType,
  type WeComSupportedCallbackEvent,
} from './callback-events';

const corpId = 'ww1234567890abcdef';

/** Laid out the way WeCom's documentation shows it: indented, CDATA for text, bare digits for CreateTime. */
function contactXml(changeType: string, extra = ''): string {
  return `<xml>
  <ToUserName><![CDATA[${corpId}]]></ToUserName>
  <FromUserName><![CDATA[sys]]></FromUserName>
  <CreateTime>1403610513</CreateTime>
  <MsgType><![CDATA[event]]></MsgType>
  <Event><![CDATA[change_external_contact]]></Event>
  <ChangeType><![CDATA[${changeType}]]></ChangeType>
  <UserID><![CDATA[zhangsan]]></UserID>
  <ExternalUserID><![CDATA[woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA]]></ExternalUserID>${extra}
</xml>`;
}

function tagXml(fields: string): string {
  return `<xml><ToUserName><![CDATA[${corpId}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1403610513</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_tag]]></Event>${fields}</xml>`;
}

const contactBase = {
  event: 'change_external_contact',
  corpId,
  createTime: 1403610513,
  userId: 'zhangsan',
  externalUserId: 'woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA',
} as const;

function malformedReason(xml: string): string {
  try {
    parseCallbackEvent(xml);
  } catch (error) {
    if (error instanceof CallbackRejectedError) return error.reason;
    throw error;
  }
  return 'parsed';
}

describe('parseCallbackEvent', () => {
  it('reads add_external_contact with its state and welcome code', () => {
    const xml = contactXml(
      'add_external_contact',
      '<State><![CDATA[qr_store_7]]></State><WelcomeCode><![CDATA[WELCOMECODE]]></WelcomeCode>',
    );
    expect(parseCallbackEvent(xml)).toStrictEqual({
      ...contactBase,
      changeType: 'add_external_contact',
      state: 'qr_store_7',
      welcomeCode: 'WELCOMECODE',
    });
  });

  it('reads add_half_external_contact and treats empty optional elements as absent', () => {
    const xml = contactXml('add_half_external_contact', '<State><![CDATA[]]></State><WelcomeCode/>');
    expect(parseCallbackEvent(xml)).toStrictEqual({ ...contactBase, changeType: 'add_half_external_contact' });
  });

  it.each<WeComContactChangeType>(['edit_external_contact', 'del_follow_user'])('reads %s', (changeType) => {
    expect(parseCallbackEvent(contactXml(changeType))).toStrictEqual({ ...contactBase, changeType });
  });

  it('reads del_external_contact with its source', () => {
    const xml = contactXml('del_external_contact', '<Source><![CDATA[DELETE_BY_TRANSFER]]></Source>');
    expect(parseCallbackEvent(xml)).toStrictEqual({ ...contactBase, changeType: 'del_external_contact', source: 'DELETE_BY_TRANSFER' });
  });

  it('reads transfer_fail with its reason', () => {
    const xml = contactXml('transfer_fail', '<FailReason><![CDATA[customer_refused]]></FailReason>');
    expect(parseCallbackEvent(xml)).toStrictEqual({ ...contactBase, changeType: 'transfer_fail', failReason: 'customer_refused' });
  });

  it.each(['create', 'update', 'delete'] as const)('reads change_external_tag %s', (changeType) => {
    const xml = tagXml(`<Id><![CDATA[etXXXXXXXXXX]]></Id><TagType><![CDATA[tag]]></TagType><ChangeType><![CDATA[${changeType}]]></ChangeType>`);
    expect(parseCallbackEvent(xml)).toStrictEqual({
      event: 'change_external_tag',
      changeType,
      corpId,
      createTime: 1403610513,
      tagId: 'etXXXXXXXXXX',
      tagType: 'tag',
    });
  });

  it('reads a tag shuffle, which carries no TagType and may name no group', () => {
    const xml = tagXml('<Id><![CDATA[]]></Id><StrategyId><![CDATA[1]]></StrategyId><ChangeType><![CDATA[shuffle]]></ChangeType>');
    expect(parseCallbackEvent(xml)).toStrictEqual({
      event: 'change_external_tag',
      changeType: 'shuffle',
      corpId,
      createTime: 1403610513,
      strategyId: '1',
    });
  });

  it('passes other events through as unsupported', () => {
    expect(parseCallbackEvent(contactXml('msg_audit_approved'))).toStrictEqual({
      event: 'unsupported',
      raw: { Event: 'change_external_contact', ChangeType: 'msg_audit_approved', FromUserName: 'sys', CreateTime: '1403610513' },
    });
    expect(parseCallbackEvent('<xml><MsgType>text</MsgType><Content>hi</Content><MsgId>42</MsgId></xml>')).toStrictEqual({
      event: 'unsupported',
      raw: { MsgId: '42' },
    });
  });

  it.each([
    ['missing ExternalUserID', contactXml('del_follow_user').replace(/<ExternalUserID>.*<\/ExternalUserID>/, '')],
    ['an empty UserID', contactXml('del_follow_user').replace('zhangsan', '')],
    ['a non-numeric CreateTime', contactXml('del_follow_user').replace('1403610513', 'yesterday')],
    ['a repeated element', contactXml('del_follow_user', '<UserID>lisi</UserID>')],
    ['a tag create without TagType', tagXml('<Id>et1</Id><ChangeType>create</ChangeType>')],
    ['an unknown TagType', tagXml('<Id>et1</Id><TagType>label</TagType><ChangeType>create</ChangeType>')],
    ['no XML at all', 'add_external_contact'],
  ])('rejects %s as malformed', (_label, xml) => {
    expect(malformedReason(xml)).toBe('malformed');
  });
});

describe('buildCallbackEventXml', () => {
  const events: WeComSupportedCallbackEvent[] = [
    { ...contactBase, changeType: 'add_external_contact', state: '门店]]>7', welcomeCode: 'W1' },
    { ...contactBase, changeType: 'del_external_contact', source: 'DELETE_BY_TRANSFER' },
    { ...contactBase, changeType: 'transfer_fail', failReason: 'customer_limit_exceed' },
    { event: 'change_external_tag', changeType: 'update', corpId, createTime: 1700000000, tagId: 'etA', tagType: 'tag_group' },
    { event: 'change_external_tag', changeType: 'shuffle', corpId, createTime: 1700000000, tagId: 'etGroup', strategyId: '3' },
  ];

  it.each(events.map((event) => [`${event.event}/${event.changeType}`, event] as const))('round-trips %s', (_label, event) => {
    expect(parseCallbackEvent(buildCallbackEventXml(event))).toStrictEqual(event);
  });

  it('writes the fields WeCom sends on every event', () => {
    const xml = buildCallbackEventXml(events[0]!);
    expect(xml).toContain('<FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1403610513</CreateTime><MsgType><![CDATA[event]]></MsgType>');
  });
});

describe('callbackEventKey', () => {
  it('is the same for a redelivered event and differs when any identifying field does', () => {
    const xml = contactXml('add_external_contact', '<State><![CDATA[a]]></State>');
    const first = parseCallbackEvent(xml);
    const again = parseCallbackEvent(xml.replace('<State><![CDATA[a]]></State>', '<State><![CDATA[b]]></State>'));
    if (first.event !== 'change_external_contact' || again.event !== 'change_external_contact') throw new Error('expected contact events');

    expect(callbackEventKey(first)).toBe('change_external_contact:add_external_contact:zhangsan:woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA:1403610513');
    expect(callbackEventKey(again)).toBe(callbackEventKey(first));
    expect(callbackEventKey({ ...first, createTime: first.createTime + 1 })).not.toBe(callbackEventKey(first));
    expect(callbackEventKey({ ...first, changeType: 'del_follow_user' })).not.toBe(callbackEventKey(first));
    expect(callbackEventKey({ ...first, userId: 'lisi' })).not.toBe(callbackEventKey(first));
  });

  it('keys tag events by their tag fields', () => {
    const event = { event: 'change_external_tag', changeType: 'delete', corpId, createTime: 1700000000, tagId: 'etA', tagType: 'tag' } as const;
    expect(callbackEventKey(event)).toBe('change_external_tag:delete:tag:etA::1700000000');
    expect(callbackEventKey({ ...event, tagId: 'etB' })).not.toBe(callbackEventKey(event));
    expect(callbackEventKey({ event: 'change_external_tag', changeType: 'shuffle', corpId, createTime: 1700000000 })).toBe(
      'change_external_tag:shuffle::::1700000000',
    );
  });

  it('keys unsupported pushes by sender and time, as WeCom advises for deduplication', () => {
    const event = parseCallbackEvent(contactXml('msg_audit_approved'));
    expect(callbackEventKey(event)).toBe('unsupported:change_external_contact:msg_audit_approved:sys:1403610513:');
    expect(callbackEventKey(parseCallbackEvent(contactXml('msg_audit_approved').replace('1403610513', '1403610514')))).not.toBe(
      callbackEventKey(event),
    );
  });
});
