import crypto from 'node:crypto';
import type Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import { randomToken } from './sandbox-guard';
import type { SandboxClock } from './sandbox-clock';
import { parseBody, SandboxErrcode } from './sandbox-errcode';
import { WeComContactWaySandbox } from './wecom-contact-way-sandbox';
import { WeComTransferSandbox } from './wecom-transfer-sandbox';
import { liveTag, type NewContact, type NewFollow, type SandboxContact, type SandboxCorpTag, type SandboxFollow, type SandboxTagGroup, type SandboxWorld } from './world';

export { SandboxErrcode } from './sandbox-errcode';

/** WeCom sends no callback for changes made through its own API (B9), only for those made in the client or console. */
export type ChangeOrigin = 'api' | 'console';

export type ContactChangeType = 'add_external_contact' | 'edit_external_contact' | 'del_external_contact' | 'del_follow_user';

/** One change to customer-contact state, named as WeCom's callback events name it. */
export type SandboxContactChange =
  | { event: 'change_external_contact'; changeType: ContactChangeType; userid: string; externalUserId: string; state?: string; welcomeCode?: string; origin: ChangeOrigin }
  | { event: 'change_external_tag'; changeType: 'create' | 'update' | 'delete'; tagType: 'tag' | 'tag_group'; id: string; origin: ChangeOrigin };

const ids = z.array(z.string()).optional();
const BatchBody = z.object({ userid_list: z.array(z.string()).min(1).max(100), cursor: z.string().optional(), limit: z.number().int().min(1).max(100).optional() });
const TagIdsBody = z.object({ tag_id: ids, group_id: ids });
const AddTagBody = z.object({
  group_id: z.string().optional(),
  group_name: z.string().optional(),
  order: z.number().int().nonnegative().optional(),
  tag: z.array(z.object({ name: z.string(), order: z.number().int().nonnegative().optional() })).min(1),
});
const EditTagBody = z.object({ id: z.string().min(1), name: z.string().optional(), order: z.number().int().nonnegative().optional() });
const MarkTagBody = z.object({ userid: z.string().optional(), external_userid: z.string().optional(), add_tag: ids, remove_tag: ids });

const queryString = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
const byOrder = <T extends { order: number }>(items: T[]) => [...items].sort((a, b) => b.order - a.order);
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** WeCom caps tag and group names at 30 characters. */
function tagName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed || [...trimmed].length > 30) throw new SandboxErrcode(40058, 'invalid tag name');
  return trimmed;
}

/** Cursors name the last (member, customer) pair answered, so contacts added or deleted meanwhile don't shift a page. */
const cursorCodec = {
  listKey: (users: string[]) => crypto.createHash('sha1').update(users.join('\n')).digest('base64url').slice(0, 10),
  encode: (listKey: string, userid: string, externalUserId: string) => Buffer.from(JSON.stringify([listKey, userid, externalUserId])).toString('base64url'),
  decode(cursor: string, listKey: string, users: string[]): { userid: string; externalUserId: string } {
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      decoded = undefined;
    }
    const valid = z.tuple([z.literal(listKey), z.string(), z.string()]).safeParse(decoded);
    if (!valid.success || !users.includes(valid.data[1])) throw new SandboxErrcode(40058, 'invalid cursor');
    return { userid: valid.data[1], externalUserId: valid.data[2] };
  },
};

function contactJson({ externalUserId, name, avatar, type, gender, unionid, position, corpName }: SandboxContact) {
  return { external_userid: externalUserId, name, avatar, type, gender, ...(unionid ? { unionid } : {}), ...(position ? { position } : {}), ...(corpName ? { corp_name: corpName } : {}) };
}

function followJson(f: SandboxFollow) {
  const { userid, remark, description, createtime, addWay, state, operUserid } = f;
  return { userid, remark, description, createtime, oper_userid: operUserid, add_way: addWay, ...(state ? { state } : {}) };
}

function groupJson(group: SandboxTagGroup, tags: SandboxCorpTag[], withDeleted: boolean) {
  const deleted = (item: { deleted: boolean }) => (withDeleted ? { deleted: item.deleted } : {});
  const tag = byOrder(tags).map((t) => ({ id: t.id, name: t.name, create_time: t.createTime, order: t.order, ...deleted(t) }));
  return { group_id: group.groupId, group_name: group.groupName, create_time: group.createTime, order: group.order, ...deleted(group), tag };
}

/**
 * WeCom's customer contact (客户联系) over the sandbox world: customers and their follows, the corp tag
 * library, and the externalcontact/* routes. Every mutation goes through this class and is announced to
 * `onChange` listeners, so callbacks can later be emitted from one place.
 */
export class WeComContactsSandbox {
  private readonly listeners = new Set<(change: SandboxContactChange) => void>();
  /** 离职继承: a departed member's customers handed over after WeCom's delay. */
  readonly transfers: WeComTransferSandbox;
  /** 「联系我」 configs, the customer's scan, and welcome messages. */
  readonly contactWays: WeComContactWaySandbox;

  constructor(private readonly world: SandboxWorld, private readonly clock: SandboxClock) {
    this.transfers = new WeComTransferSandbox(world, clock);
    this.contactWays = new WeComContactWaySandbox(world, clock, this);
  }

  /** Subscribes to every change; returns the unsubscribe function. */
  onChange(listener: (change: SandboxContactChange) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** A copy of a customer as the sandbox holds it now, for assertions. */
  contactState(externalUserId: string): SandboxContact | undefined {
    const contact = this.contact(externalUserId);
    return contact && structuredClone(contact);
  }

  /** A live (not deleted) corp tag and its group. */
  tagState(tagId: string): { group: SandboxTagGroup; tag: SandboxCorpTag } | undefined {
    const found = this.liveTag(tagId);
    return found && structuredClone(found);
  }

  /**
   * A customer adds a member (or the member adds them): creates the customer on first contact. A
   * `welcomeCode` (an add through a contact-me code) rides on the add callback.
   */
  addContact(input: NewContact, follow: NewFollow, extras: { welcomeCode?: string } = {}): SandboxContact {
    if (!this.member(follow.userid)) throw new SandboxErrcode(60111, 'userid not found');
    this.requireLiveTags(follow.tagIds ?? []);
    let contact = this.contact(input.externalUserId);
    if (contact?.follows.some((f) => f.userid === follow.userid)) throw new Error(`${follow.userid} already has ${input.externalUserId}`);
    if (!contact) {
      const { externalUserId, name, unionid, corpName, position } = input;
      contact = { externalUserId, name, avatar: input.avatar ?? `/sandbox/demo/avatar/${externalUserId}.svg`, type: input.type ?? 1, gender: input.gender ?? 0, unionid, corpName, position, follows: [] };
      this.world.contacts.push(contact);
    }
    const { userid, state } = follow;
    const operUserid = follow.operUserid ?? input.externalUserId;
    contact.follows.push({ userid, remark: follow.remark ?? '', description: follow.description ?? '', createtime: this.nowSeconds(), addWay: follow.addWay ?? (state ? 1 : 0), state, operUserid, tagIds: [...new Set(follow.tagIds ?? [])] });
    this.emit({ event: 'change_external_contact', changeType: 'add_external_contact', userid, externalUserId: input.externalUserId, state, ...(extras.welcomeCode ? { welcomeCode: extras.welcomeCode } : {}), origin: 'console' });
    return structuredClone(contact);
  }

  /** The member edits remark, description or corp tags in the WeCom client. */
  editFollow(externalUserId: string, userid: string, patch: { remark?: string; description?: string; tagIds?: string[] }): SandboxFollow {
    const { follow } = this.requireFollow(userid, externalUserId);
    if (patch.tagIds) this.requireLiveTags(patch.tagIds);
    if (patch.remark !== undefined) follow.remark = patch.remark;
    if (patch.description !== undefined) follow.description = patch.description;
    if (patch.tagIds) follow.tagIds = [...new Set(patch.tagIds)];
    this.emit({ event: 'change_external_contact', changeType: 'edit_external_contact', userid, externalUserId, origin: 'console' });
    return structuredClone(follow);
  }

  /** Ends a relationship: `member` deleted the customer (del_external_contact) or the customer deleted the member (del_follow_user). */
  deleteFollow(externalUserId: string, userid: string, by: 'member' | 'customer' = 'member'): void {
    const { contact, follow } = this.requireFollow(userid, externalUserId);
    contact.follows = contact.follows.filter((f) => f !== follow);
    const changeType = by === 'member' ? 'del_external_contact' : 'del_follow_user';
    this.emit({ event: 'change_external_contact', changeType, userid, externalUserId, origin: 'console' });
  }

  markTag(input: { userid?: string; externalUserId?: string; add?: string[]; remove?: string[] }, origin: ChangeOrigin = 'console'): SandboxFollow {
    const { contact, follow } = this.requireFollow(input.userid, input.externalUserId);
    const add = input.add ?? [];
    const remove = input.remove ?? [];
    if (add.length === 0 && remove.length === 0) throw new SandboxErrcode(40058, 'add_tag and remove_tag are both empty');
    this.requireLiveTags([...add, ...remove]);
    follow.tagIds = [...new Set([...follow.tagIds.filter((id) => !remove.includes(id)), ...add])];
    this.emit({ event: 'change_external_contact', changeType: 'edit_external_contact', userid: follow.userid, externalUserId: contact.externalUserId, origin });
    return structuredClone(follow);
  }

  /** add_corp_tag: into `groupId`, or into the live group named `groupName`, created if missing. */
  addCorpTags(input: { groupId?: string; groupName?: string; order?: number; tags: { name: string; order?: number }[] }, origin: ChangeOrigin = 'console') {
    let group = input.groupId ? this.liveGroup(input.groupId) : undefined;
    if (input.groupId && !group) throw new SandboxErrcode(40068, 'invalid tag group id');
    const groupName = input.groupId ? undefined : tagName(input.groupName ?? '');
    group ??= this.world.tagGroups.find((g) => !g.deleted && g.groupName === groupName);
    const names = input.tags.map((t) => tagName(t.name));
    if (new Set(names).size < names.length || group?.tags.some((t) => !t.deleted && names.includes(t.name))) throw new SandboxErrcode(40071, 'tag name already exists');
    const now = this.nowSeconds();
    if (!group) {
      group = { groupId: `et${randomToken(15)}`, groupName: groupName!, order: input.order ?? 0, createTime: now, deleted: false, tags: [] };
      this.world.tagGroups.push(group);
      this.emit({ event: 'change_external_tag', changeType: 'create', tagType: 'tag_group', id: group.groupId, origin });
    }
    const tags = input.tags.map((t, i): SandboxCorpTag => ({ id: `et${randomToken(15)}`, name: names[i]!, order: t.order ?? 0, createTime: now, deleted: false }));
    group.tags.push(...tags);
    for (const tag of tags) this.emit({ event: 'change_external_tag', changeType: 'create', tagType: 'tag', id: tag.id, origin });
    return { group: structuredClone(group), tags: structuredClone(tags) };
  }

  /** edit_corp_tag: `id` names a tag or a group. */
  editCorpTag(input: { id: string; name?: string; order?: number }, origin: ChangeOrigin = 'console'): void {
    const found = this.liveTag(input.id);
    const group = found ? undefined : this.liveGroup(input.id);
    const target = found?.tag ?? group;
    if (!target) throw new SandboxErrcode(40068, 'invalid tag id');
    const name = input.name === undefined ? undefined : tagName(input.name);
    const siblings: { name: string }[] = found
      ? found.group.tags.filter((t) => !t.deleted && t !== found.tag)
      : this.world.tagGroups.filter((g) => !g.deleted && g !== group).map((g) => ({ name: g.groupName }));
    if (name !== undefined && siblings.some((s) => s.name === name)) throw new SandboxErrcode(40071, 'tag name already exists');
    if (found && name !== undefined) found.tag.name = name;
    if (group && name !== undefined) group.groupName = name;
    if (input.order !== undefined) target.order = input.order;
    this.emit({ event: 'change_external_tag', changeType: 'update', tagType: found ? 'tag' : 'tag_group', id: input.id, origin });
  }

  /** del_corp_tag: deleting a group's last tag deletes the group; deleted tags leave every customer. */
  delCorpTags(input: { tagIds?: string[]; groupIds?: string[] }, origin: ChangeOrigin = 'console'): void {
    const groups = (input.groupIds ?? []).map((id) => this.liveGroup(id));
    const tags = (input.tagIds ?? []).map((id) => this.liveTag(id));
    if (groups.length + tags.length === 0) throw new SandboxErrcode(40058, 'tag_id and group_id are both empty');
    if (groups.includes(undefined) || tags.includes(undefined)) throw new SandboxErrcode(40068, 'invalid tag id');
    const gone = new Set<string>();
    const dropGroup = (group: SandboxTagGroup) => {
      group.deleted = true;
      for (const tag of group.tags) (tag.deleted = true), gone.add(tag.id);
      this.emit({ event: 'change_external_tag', changeType: 'delete', tagType: 'tag_group', id: group.groupId, origin });
    };
    for (const group of groups) if (group && !group.deleted) dropGroup(group);
    for (const found of tags) {
      if (!found || found.tag.deleted) continue;
      found.tag.deleted = true;
      gone.add(found.tag.id);
      this.emit({ event: 'change_external_tag', changeType: 'delete', tagType: 'tag', id: found.tag.id, origin });
      if (found.group.tags.every((t) => t.deleted) && !found.group.deleted) dropGroup(found.group);
    }
    for (const follow of this.world.contacts.flatMap((c) => c.follows)) follow.tagIds = follow.tagIds.filter((id) => !gone.has(id));
  }

  /** Adds the externalcontact routes to the WeCom router, each behind the access-token check. */
  mount(router: Router, withToken: (ctx: Context, answer: () => void) => void): void {
    const route = (answer: (ctx: Context) => Record<string, unknown>) => (ctx: Context) =>
      withToken(ctx, () => {
        try {
          this.transfers.settle(); // transfers due by now have happened, whatever is asked next
          ctx.body = { errcode: 0, errmsg: 'ok', ...answer(ctx) };
        } catch (error) {
          if (!(error instanceof SandboxErrcode)) throw error;
          ctx.body = { errcode: error.errcode, errmsg: error.errmsg };
        }
      });
    const base = '/cgi-bin/externalcontact';
    router.get(`${base}/list`, route((ctx) => ({ external_userid: this.contactIdsOf(queryString(ctx.query.userid)) })));
    router.get(`${base}/get`, route((ctx) => this.contactJsonFor(queryString(ctx.query.external_userid))));
    router.post(`${base}/batch/get_by_user`, route((ctx) => this.pageByUsers(parseBody(BatchBody, ctx.request.body))));
    router.post(`${base}/get_corp_tag_list`, route((ctx) => ({ tag_group: this.corpTagList(parseBody(TagIdsBody, ctx.request.body)) })));
    router.post(`${base}/add_corp_tag`, route((ctx) => {
      const body = parseBody(AddTagBody, ctx.request.body);
      const added = this.addCorpTags({ groupId: body.group_id, groupName: body.group_name, order: body.order, tags: body.tag }, 'api');
      return { tag_group: groupJson(added.group, added.tags, false) };
    }));
    router.post(`${base}/edit_corp_tag`, route((ctx) => {
      this.editCorpTag(parseBody(EditTagBody, ctx.request.body), 'api');
      return {};
    }));
    router.post(`${base}/del_corp_tag`, route((ctx) => {
      const body = parseBody(TagIdsBody, ctx.request.body);
      this.delCorpTags({ tagIds: body.tag_id, groupIds: body.group_id }, 'api');
      return {};
    }));
    this.transfers.mount(router, route);
    this.contactWays.mount(router, route);
    router.post(`${base}/mark_tag`, route((ctx) => {
      const body = parseBody(MarkTagBody, ctx.request.body);
      this.markTag({ userid: body.userid, externalUserId: body.external_userid, add: body.add_tag, remove: body.remove_tag }, 'api');
      return {};
    }));
  }

  /** externalcontact/list: a member without customers is answered 84061, not an empty list, as WeCom does. */
  private contactIdsOf(userid: string | undefined): string[] {
    this.requireMember(userid);
    const found = this.world.contacts.filter((c) => c.follows.some((f) => f.userid === userid)).map((c) => c.externalUserId);
    if (found.length === 0) throw new SandboxErrcode(84061, 'not external contact');
    return found;
  }

  private contactJsonFor(externalUserId: string | undefined) {
    if (!externalUserId) throw new SandboxErrcode(41035, 'missing external userid');
    const contact = this.contact(externalUserId);
    if (!contact) throw new SandboxErrcode(40096, 'invalid external userid');
    if (contact.follows.length === 0) throw new SandboxErrcode(84061, 'not external contact');
    const tags = (f: SandboxFollow) =>
      f.tagIds.flatMap((id) => {
        const found = this.liveTag(id);
        return found ? [{ group_name: found.group.groupName, tag_name: found.tag.name, tag_id: id, type: 1 }] : [];
      });
    return { external_contact: contactJson(contact), follow_user: contact.follows.map((f) => ({ ...followJson(f), tags: tags(f) })) };
  }

  /** batch/get_by_user: one item per (customer, member) pair, members in request order, customers by id. */
  private pageByUsers(body: z.infer<typeof BatchBody>) {
    const users = [...new Set(body.userid_list)];
    for (const userid of users) this.requireMember(userid);
    const listKey = cursorCodec.listKey(users);
    const after = body.cursor ? cursorCodec.decode(body.cursor, listKey, users) : undefined;
    const limit = body.limit ?? 50;
    const pairs = users.slice(after ? users.indexOf(after.userid) : 0).flatMap((userid) =>
      this.world.contacts
        .flatMap((contact) => contact.follows.filter((f) => f.userid === userid).map((follow) => ({ contact, follow })))
        .filter(({ contact }) => !(after && after.userid === userid && contact.externalUserId <= after.externalUserId))
        .sort((a, b) => byCodeUnits(a.contact.externalUserId, b.contact.externalUserId)),
    );
    const page = pairs.slice(0, limit);
    const more = pairs.length > limit;
    const last = page.at(-1);
    return {
      external_contact_list: page.map(({ contact, follow }) => ({ external_contact: contactJson(contact), follow_info: { ...followJson(follow), tag_id: [...follow.tagIds] } })),
      next_cursor: more && last ? cursorCodec.encode(listKey, last.follow.userid, last.contact.externalUserId) : '',
    };
  }

  /** Everything live without filters; by group_id (wins over tag_id) or tag_id, matches come with `deleted`. */
  private corpTagList(body: z.infer<typeof TagIdsBody>) {
    const groupIds = body.group_id?.length ? new Set(body.group_id) : undefined;
    const tagIds = !groupIds && body.tag_id?.length ? new Set(body.tag_id) : undefined;
    const filtered = Boolean(groupIds ?? tagIds);
    return byOrder(this.world.tagGroups)
      .filter((g) => (groupIds ? groupIds.has(g.groupId) : tagIds ? g.tags.some((t) => tagIds.has(t.id)) : !g.deleted))
      .map((g) => groupJson(g, g.tags.filter((t) => (tagIds ? tagIds.has(t.id) : filtered || !t.deleted)), filtered));
  }

  private requireMember(userid: string | undefined): string {
    if (!userid) throw new SandboxErrcode(40003, 'invalid userid');
    if (!this.member(userid)) throw new SandboxErrcode(60111, 'userid not found');
    return userid;
  }

  private requireFollow(userid: string | undefined, externalUserId: string | undefined) {
    const member = this.requireMember(userid);
    if (!externalUserId) throw new SandboxErrcode(41035, 'missing external userid');
    const contact = this.contact(externalUserId);
    if (!contact) throw new SandboxErrcode(40096, 'invalid external userid');
    const follow = contact.follows.find((f) => f.userid === member);
    if (!follow) throw new SandboxErrcode(84061, 'not external contact');
    return { contact, follow };
  }

  private requireLiveTags(tagIds: string[]): void {
    if (tagIds.some((id) => !this.liveTag(id))) throw new SandboxErrcode(40068, 'invalid tagid');
  }

  private readonly liveTag = (tagId: string) => liveTag(this.world, tagId);
  private readonly liveGroup = (groupId: string) => this.world.tagGroups.find((g) => g.groupId === groupId && !g.deleted);
  private readonly member = (userid: string) => this.world.members.find((m) => m.userid === userid);
  private readonly contact = (externalUserId: string) => this.world.contacts.find((c) => c.externalUserId === externalUserId);
  private readonly nowSeconds = () => Math.floor(this.clock.now() / 1000);

  private emit(change: SandboxContactChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
