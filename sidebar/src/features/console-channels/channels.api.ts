import {
  ChannelResponse,
  ChannelSalespeopleResponse,
  ChannelsResponse,
  ChannelStatsResponse,
  DefaultWelcomeResponse,
  type ChannelStatsResponse as ChannelStats,
  type ChannelView,
  type DefaultWelcome,
  type SaveChannelRequest,
  type UpdateChannelRequest,
} from '@zhike/shared/channels';
import { TagLibraryResponse, type CorpTagView } from '@zhike/shared/tags';
import { getJson, postJson } from '../../lib/http';
import { sendJson } from '../../lib/http-write';

export async function fetchChannels(): Promise<ChannelView[]> {
  return (await getJson('/api/channels', ChannelsResponse)).channels;
}

export async function fetchSalespeople(): Promise<ChannelSalespeopleResponse['salespeople']> {
  return (await getJson('/api/channels/salespeople', ChannelSalespeopleResponse)).salespeople;
}

export async function fetchTagLibrary(): Promise<CorpTagView[]> {
  return (await getJson('/api/tags', TagLibraryResponse)).tags;
}

export async function createChannel(request: SaveChannelRequest): Promise<ChannelView> {
  return (await sendJson('POST', '/api/channels', request, ChannelResponse)).channel;
}

export async function updateChannel(id: string, request: UpdateChannelRequest): Promise<ChannelView> {
  return (await sendJson('PUT', `/api/channels/${id}`, request, ChannelResponse)).channel;
}

export async function setChannelPaused(id: string, paused: boolean): Promise<ChannelView> {
  return (await postJson(`/api/channels/${id}/${paused ? 'pause' : 'resume'}`, {}, ChannelResponse)).channel;
}

/** DELETE answers the deleted channel; `force` confirms deleting one that has brought customers. */
export async function deleteChannel(id: string, force: boolean): Promise<ChannelView> {
  const response = await fetch(`/api/channels/${id}${force ? '?force=true' : ''}`, { method: 'DELETE', credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined; // a proxy's HTML error page: the generic message stands
  }
  if (!response.ok) throw new ChannelRequestError(response.status, body);
  return ChannelResponse.parse(body).channel;
}

export async function fetchChannelStats(id: string): Promise<ChannelStats> {
  return getJson(`/api/channels/${id}/stats`, ChannelStatsResponse);
}

export async function fetchDefaultWelcome(): Promise<DefaultWelcome> {
  return getJson('/api/channels/default-welcome', DefaultWelcomeResponse);
}

export async function saveDefaultWelcome(request: DefaultWelcome): Promise<DefaultWelcome> {
  return sendJson('PUT', '/api/channels/default-welcome', request, DefaultWelcomeResponse);
}

/** A refused DELETE, with the server's message (409 says how many customers the channel brought). */
export class ChannelRequestError extends Error {
  readonly code: string;
  constructor(
    readonly status: number,
    body: unknown,
  ) {
    const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
    super(error?.message ?? '操作失败，请稍后重试');
    this.code = error?.code ?? 'UNKNOWN';
  }
}

export const channelQrUrl = (id: string) => `/api/channels/${id}/qr.png`;
export const channelPosterUrl = (id: string) => `/api/channels/${id}/poster.png`;
export const CHANNEL_STATS_CSV_URL = '/api/channels/stats.csv';
