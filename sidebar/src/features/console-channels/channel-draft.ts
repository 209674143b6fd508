import type { ChannelView, SaveChannelRequest, WelcomeMessage } from '@zhike/shared/channels';

export interface MemberDraft {
  userid: string;
  /** Empty: no limit. */
  dailyLimit: string;
  /** Both empty: any time. */
  start: string;
  end: string;
}

/** The editor's state: strings as typed, turned into the request on save (the server names what is wrong). */
export interface ChannelDraft {
  id?: string;
  version?: number;
  name: string;
  group: string;
  mode: 'single' | 'rotation';
  userid: string;
  members: MemberDraft[];
  backups: string[];
  skipVerify: boolean;
  tagIds: string[];
  /** Off: the corp's default welcome message applies. */
  ownWelcome: boolean;
  welcomeText: string;
  linkUrl: string;
  linkTitle: string;
  linkDesc: string;
}

export function emptyDraft(): ChannelDraft {
  return { name: '', group: '', mode: 'single', userid: '', members: [{ userid: '', dailyLimit: '', start: '', end: '' }], backups: [], skipVerify: true, tagIds: [], ownWelcome: true, welcomeText: '{{客户称呼}}您好，我是{{销售姓名}}，很高兴为您服务！', linkUrl: '', linkTitle: '', linkDesc: '' };
}

export function draftFromView(view: ChannelView): ChannelDraft {
  const link = view.welcome?.attachments.find((a) => a.type === 'link');
  const assignment = view.assignment;
  return {
    id: view.id,
    version: view.version,
    name: view.name,
    group: view.group,
    mode: assignment.mode,
    userid: assignment.mode === 'single' ? assignment.userid : '',
    members:
      assignment.mode === 'rotation'
        ? assignment.members.map((m) => ({ userid: m.userid, dailyLimit: m.dailyLimit ? String(m.dailyLimit) : '', start: m.workingHours?.start ?? '', end: m.workingHours?.end ?? '' }))
        : [{ userid: '', dailyLimit: '', start: '', end: '' }],
    backups: assignment.mode === 'rotation' ? assignment.backups : [],
    skipVerify: view.skipVerify,
    tagIds: view.tagIds,
    ownWelcome: view.welcome !== null,
    welcomeText: view.welcome?.text ?? '',
    linkUrl: link?.type === 'link' ? link.url : '',
    linkTitle: link?.type === 'link' ? link.title : '',
    linkDesc: link?.type === 'link' ? link.desc : '',
  };
}

export function welcomeOf(draft: ChannelDraft): WelcomeMessage | null {
  if (!draft.ownWelcome) return null;
  const attachments: WelcomeMessage['attachments'] = draft.linkUrl.trim() ? [{ type: 'link', url: draft.linkUrl.trim(), title: draft.linkTitle, desc: draft.linkDesc }] : [];
  return { text: draft.welcomeText, attachments };
}

export function requestOf(draft: ChannelDraft): SaveChannelRequest {
  const assignment: SaveChannelRequest['assignment'] =
    draft.mode === 'single'
      ? { mode: 'single', userid: draft.userid }
      : {
          mode: 'rotation',
          members: draft.members.map((m) => ({
            userid: m.userid,
            ...(m.dailyLimit.trim() ? { dailyLimit: Number(m.dailyLimit) } : {}),
            ...(m.start || m.end ? { workingHours: { start: m.start, end: m.end } } : {}),
          })),
          backups: draft.backups,
        };
  return { name: draft.name, group: draft.group, assignment, skipVerify: draft.skipVerify, tagIds: draft.tagIds, welcome: welcomeOf(draft) };
}

/** The text as the customer would read it, with sample values (the server fills the real ones). */
export function previewText(template: string, sample: { customer: string; salesperson: string; position: string; today: string }): string {
  const values: Record<string, string> = { 客户称呼: sample.customer, 客户昵称: sample.customer, 销售姓名: sample.salesperson, 销售职位: sample.position, 今天: sample.today };
  return template.replace(/(\\)?\{\{\s*([^{}|]+?)\s*(?:\|([^{}]*))?\}\}/g, (whole: string, escaped: string | undefined, name: string, fallback: string | undefined) => {
    if (escaped) return whole.slice(1);
    return values[name] || fallback || (name in values ? '' : whole);
  });
}
