import { SaveSegmentRequest, SegmentIdParams, SegmentView } from '@zhike/shared/analytics';
import { z } from 'zod';
import type { ApiRouter } from '../../platform/http/api-router';
import { staffPrincipal } from '../../platform/http/principal';
import type { SegmentsFlow } from './segments.flow';

/** Admin-defined segments: the list with sizes for managers, editing for admins. */
export function registerSegmentRoutes(api: ApiRouter, segments: SegmentsFlow): void {
  api.add({
    method: 'GET',
    path: '/api/analytics/segments',
    access: 'manager',
    tag: 'analytics',
    summary: "The segments with how many of the viewer's customers each matches (from the latest snapshot)",
    response: z.array(SegmentView),
    handler: async ({ principal }) => segments.list(staffPrincipal(principal)),
  });

  api.add({
    method: 'POST',
    path: '/api/admin/segments',
    access: 'admin',
    tag: 'analytics',
    summary: 'Creates a segment and counts it at once; 409 if the name is taken',
    body: SaveSegmentRequest,
    response: SegmentView,
    successStatus: 201,
    handler: async ({ body, principal }) => segments.create(staffPrincipal(principal), body),
  });

  api.add({
    method: 'PUT',
    path: '/api/admin/segments/:id',
    access: 'admin',
    tag: 'analytics',
    summary: "Replaces a segment's name and rules and counts it again; 409 if the name is taken",
    params: SegmentIdParams,
    body: SaveSegmentRequest,
    response: SegmentView,
    handler: async ({ params, body, principal }) => segments.update(staffPrincipal(principal), params.id, body),
  });

  api.add({
    method: 'DELETE',
    path: '/api/admin/segments/:id',
    access: 'admin',
    tag: 'analytics',
    summary: 'Deletes a segment',
    params: SegmentIdParams,
    successStatus: 204,
    handler: async ({ params, principal }) => segments.remove(staffPrincipal(principal), params.id),
  });
}
