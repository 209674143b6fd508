import {
  ChannelIdParams,
  ChannelResponse,
  ChannelSalespeopleResponse,
  ChannelsResponse,
  ChannelStatsQuery,
  ChannelStatsResponse,
  DefaultWelcome,
  DefaultWelcomeResponse,
  DeleteChannelQuery,
  MyContactCodeResponse,
  SaveChannelRequest,
  UpdateChannelRequest,
} from '@zhike/shared/channels';
import { MySalespersonResponse } from '@zhike/shared/referrals';
import { z } from 'zod';
import type { ApiRouter } from '../../platform/http/api-router';
import { customerPrincipal, staffPrincipal } from '../../platform/http/principal';
import type { ChannelAdminFlow } from './channel-admin.flow';
import type { ChannelCodesFlow } from './channel-codes.flow';
import type { ChannelStatsFlow } from './channel-stats.flow';

export interface ChannelRouteDeps {
  admin: ChannelAdminFlow;
  stats: ChannelStatsFlow;
  codes: ChannelCodesFlow;
}

const PNG = { contentType: 'image/png', cacheControl: 'private, max-age=300' } as const;

/** 渠道活码. Fixed paths are registered before `/:channelId`, which would otherwise take them. */
export function registerChannelRoutes(api: ApiRouter, { admin, stats, codes }: ChannelRouteDeps): void {
  api.add({
    method: 'GET',
    path: '/api/channels',
    access: 'admin',
    tag: 'channels',
    summary: 'The channels with their totals; deleted ones too when asked',
    query: z.strictObject({ includeDeleted: z.stringbool().optional() }),
    response: ChannelsResponse,
    handler: async ({ query, principal }) => ({ channels: await admin.list(staffPrincipal(principal).corpId, Boolean(query.includeDeleted)) }),
  });

  api.add({
    method: 'POST',
    path: '/api/channels',
    access: 'admin',
    tag: 'channels',
    summary: 'Creates a channel: its contact-me config upstream (add_contact_way), its QR as an asset, then the record',
    body: SaveChannelRequest,
    response: ChannelResponse,
    successStatus: 201,
    handler: async ({ body, principal }) => ({ channel: await admin.create(staffPrincipal(principal), body) }),
  });

  api.add({
    method: 'GET',
    path: '/api/channels/default-welcome',
    access: 'admin',
    tag: 'channels',
    summary: "The corp's default welcome message (for channels without their own)",
    response: DefaultWelcomeResponse,
    handler: async ({ principal }) => admin.defaultWelcome(staffPrincipal(principal).corpId),
  });

  api.add({
    method: 'PUT',
    path: '/api/channels/default-welcome',
    access: 'admin',
    tag: 'channels',
    summary: "Sets the corp's default welcome message",
    body: DefaultWelcome,
    response: DefaultWelcomeResponse,
    handler: async ({ body, principal }) => admin.saveDefaultWelcome(staffPrincipal(principal), body),
  });

  api.add({
    method: 'GET',
    path: '/api/channels/salespeople',
    access: 'admin',
    tag: 'channels',
    summary: 'Current members a channel can be assigned to',
    response: ChannelSalespeopleResponse,
    handler: async ({ principal }) => ({ salespeople: await admin.salespeople(staffPrincipal(principal).corpId) }),
  });

  api.add({
    method: 'GET',
    path: '/api/channels/stats.csv',
    access: 'admin',
    tag: 'channels',
    summary: 'Adds, losses and net adds per channel and Beijing day, as CSV',
    query: ChannelStatsQuery,
    binaryResponse: { contentType: 'text/csv; charset=utf-8', cacheControl: 'no-store' },
    handler: async ({ query, principal, ctx }) => {
      ctx.attachment('channel-stats.csv');
      return { bytes: await stats.csv(staffPrincipal(principal).corpId, query), contentType: 'text/csv; charset=utf-8' };
    },
  });

  api.add({
    method: 'GET',
    path: '/api/channels/me/contact-code',
    access: 'salesperson',
    tag: 'channels',
    summary: "The signed-in salesperson's own contact-me code (我的活码), made on first use",
    response: MyContactCodeResponse,
    handler: async ({ principal }) => codes.myContactCode(staffPrincipal(principal)),
  });

  api.add({
    method: 'GET',
    path: '/api/customers/me/salesperson',
    access: 'customer',
    tag: 'channels',
    summary: "The signed-in customer's salesperson and their contact-me QR",
    response: MySalespersonResponse,
    handler: async ({ principal }) => codes.mySalesperson(customerPrincipal(principal).customerId),
  });

  api.add({
    method: 'GET',
    path: '/api/channels/:channelId',
    access: 'admin',
    tag: 'channels',
    summary: 'One channel, deleted ones included',
    params: ChannelIdParams,
    response: ChannelResponse,
    handler: async ({ params, principal }) => ({ channel: await admin.get(staffPrincipal(principal).corpId, params.channelId) }),
  });

  api.add({
    method: 'PUT',
    path: '/api/channels/:channelId',
    access: 'admin',
    tag: 'channels',
    summary: 'Edits a channel (update_contact_way keeps the same QR); 409 if it changed since expectedVersion',
    params: ChannelIdParams,
    body: UpdateChannelRequest,
    response: ChannelResponse,
    handler: async ({ params, body, principal }) => ({ channel: await admin.update(staffPrincipal(principal), params.channelId, body) }),
  });

  api.add({
    method: 'POST',
    path: '/api/channels/:channelId/pause',
    access: 'admin',
    tag: 'channels',
    summary: 'Pauses a channel: adds are still counted, but not tagged, greeted or rotated',
    params: ChannelIdParams,
    response: ChannelResponse,
    handler: async ({ params, principal }) => ({ channel: await admin.pause(staffPrincipal(principal), params.channelId) }),
  });

  api.add({
    method: 'POST',
    path: '/api/channels/:channelId/resume',
    access: 'admin',
    tag: 'channels',
    summary: 'Resumes a paused channel',
    params: ChannelIdParams,
    response: ChannelResponse,
    handler: async ({ params, principal }) => ({ channel: await admin.resume(staffPrincipal(principal), params.channelId) }),
  });

  api.add({
    method: 'DELETE',
    path: '/api/channels/:channelId',
    access: 'admin',
    tag: 'channels',
    summary: 'Deletes the code upstream (del_contact_way) and keeps the channel for its statistics; 409 without force when it has brought customers',
    params: ChannelIdParams,
    query: DeleteChannelQuery,
    response: ChannelResponse,
    handler: async ({ params, query, principal }) => ({ channel: await admin.delete(staffPrincipal(principal), params.channelId, Boolean(query.force)) }),
  });

  api.add({
    method: 'GET',
    path: '/api/channels/:channelId/stats',
    access: 'admin',
    tag: 'channels',
    summary: 'Adds, net adds, adds per Beijing day, welcomes and orders of one channel',
    params: ChannelIdParams,
    query: ChannelStatsQuery,
    response: ChannelStatsResponse,
    handler: async ({ params, query, principal }) => stats.stats(staffPrincipal(principal).corpId, params.channelId, query),
  });

  api.add({
    method: 'GET',
    path: '/api/channels/:channelId/qr.png',
    access: 'admin',
    tag: 'channels',
    summary: "The channel's QR code (PNG)",
    params: ChannelIdParams,
    binaryResponse: PNG,
    handler: async ({ params, principal, ctx }) => {
      ctx.attachment(`channel-${params.channelId}-qr.png`);
      return { bytes: await codes.qrPng(staffPrincipal(principal).corpId, params.channelId) };
    },
  });

  api.add({
    method: 'GET',
    path: '/api/channels/:channelId/poster.png',
    access: 'admin',
    tag: 'channels',
    summary: 'A print-ready poster of the channel code (PNG, 1240×1754)',
    params: ChannelIdParams,
    binaryResponse: PNG,
    handler: async ({ params, principal, ctx }) => {
      ctx.attachment(`channel-${params.channelId}-poster.png`);
      return { bytes: await codes.posterPng(staffPrincipal(principal).corpId, params.channelId) };
    },
  });
}
