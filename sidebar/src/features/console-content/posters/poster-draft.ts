import type { ErrorDetail } from '@zhike/shared/errors';
import type { PosterLayer, PosterTemplateFields, PosterTemplateView, UpdatePosterTemplateRequest } from '@zhike/shared/posters';
import { assetRefFromId, type AssetRef } from '../assets/asset-ref';

/**
 * The editor's state. Numbers stay as typed (strings) until sending, so a half-typed "1" or an emptied field
 * is not forced into a number under the admin's fingers; `toPosterRequest` checks them.
 */
type Numeric = string;

export type TextLayerDraft = { key: string; type: 'text'; text: string; x: Numeric; y: Numeric; fontSize: Numeric; color: string; align: 'left' | 'center' | 'right'; bold: boolean; maxWidth: Numeric };
export type ImageSource = 'salesperson_avatar' | 'customer_avatar' | 'asset';
export type ImageLayerDraft = { key: string; type: 'image'; source: ImageSource; asset: AssetRef | null; x: Numeric; y: Numeric; width: Numeric; height: Numeric; shape: 'square' | 'circle' };
export type QrLayerDraft = { key: string; type: 'qr'; x: Numeric; y: Numeric; size: Numeric };
export type LayerDraft = TextLayerDraft | ImageLayerDraft | QrLayerDraft;

export interface PosterDraft {
  id: string | null;
  version: number | null;
  retired: boolean;
  name: string;
  campaign: string;
  width: Numeric;
  height: Numeric;
  background: AssetRef | null;
  qrPage: string;
  scanValidDays: Numeric;
  layers: LayerDraft[];
}

let nextKey = 0;
/** React keys that survive reordering (an index would move typed text between layers). */
const layerKey = () => `layer-${++nextKey}`;

export function newLayer(type: LayerDraft['type'], canvas: { width: number; height: number }): LayerDraft {
  const w = Number.isFinite(canvas.width) ? canvas.width : 750;
  const h = Number.isFinite(canvas.height) ? canvas.height : 1334;
  switch (type) {
    case 'text':
      return { key: layerKey(), type, text: '{{客户称呼}}，送你一份专属好礼', x: '60', y: '120', fontSize: '36', color: '#333333', align: 'left', bold: false, maxWidth: '' };
    case 'image':
      return { key: layerKey(), type, source: 'salesperson_avatar', asset: null, x: '60', y: String(Math.max(0, h - 220)), width: '120', height: '120', shape: 'circle' };
    case 'qr':
      return { key: layerKey(), type, x: String(Math.max(0, w - 260)), y: String(Math.max(0, h - 300)), size: '200' };
  }
}

export function emptyPosterDraft(): PosterDraft {
  const canvas = { width: 750, height: 1334 };
  return {
    id: null,
    version: null,
    retired: false,
    name: '',
    campaign: '',
    width: String(canvas.width),
    height: String(canvas.height),
    background: null,
    qrPage: 'pages/index/index',
    scanValidDays: '90',
    layers: [newLayer('text', canvas), newLayer('image', canvas), newLayer('qr', canvas)],
  };
}

export function draftFromTemplate(template: PosterTemplateView): PosterDraft {
  return {
    id: template.id,
    version: template.version,
    retired: template.retired,
    name: template.name,
    campaign: template.campaign,
    width: String(template.width),
    height: String(template.height),
    background: assetRefFromId(template.backgroundAssetId),
    qrPage: template.qrPage,
    scanValidDays: String(template.scanValidDays),
    layers: template.layers.map(layerDraftOf),
  };
}

function layerDraftOf(layer: PosterLayer): LayerDraft {
  switch (layer.type) {
    case 'text':
      return { ...layer, key: layerKey(), x: String(layer.x), y: String(layer.y), fontSize: String(layer.fontSize), maxWidth: layer.maxWidth === undefined ? '' : String(layer.maxWidth) };
    case 'image':
      return { key: layerKey(), type: 'image', source: layer.source, asset: assetRefFromId(layer.assetId), x: String(layer.x), y: String(layer.y), width: String(layer.width), height: String(layer.height), shape: layer.shape };
    case 'qr':
      return { key: layerKey(), type: 'qr', x: String(layer.x), y: String(layer.y), size: String(layer.size) };
  }
}

/** The request for save and preview, or — when a number or an upload is missing — the issues to show instead. */
export function toPosterRequest(draft: PosterDraft): { request: PosterTemplateFields; issues: ErrorDetail[] } {
  const issues: ErrorDetail[] = [];
  const int = (value: string, field: string): number => {
    const text = value.trim();
    if (!/^-?\d+$/.test(text)) issues.push({ field, issue: text ? '请填写整数' : '请填写数值' });
    return Number(text);
  };
  if (!draft.background) issues.push({ field: 'body.backgroundAssetId', issue: '请上传背景图' });
  const layers = draft.layers.map((layer, index): PosterLayer => {
    const at = (key: string) => `body.layers.${index}.${key}`;
    const position = { x: int(layer.x, at('x')), y: int(layer.y, at('y')) };
    switch (layer.type) {
      case 'text': {
        const maxWidth = layer.maxWidth.trim() ? { maxWidth: int(layer.maxWidth, at('maxWidth')) } : {};
        return { type: 'text', text: layer.text, ...position, fontSize: int(layer.fontSize, at('fontSize')), color: layer.color, align: layer.align, bold: layer.bold, ...maxWidth };
      }
      case 'image': {
        if (layer.source === 'asset' && !layer.asset) issues.push({ field: at('assetId'), issue: '请上传图片' });
        const asset = layer.source === 'asset' && layer.asset ? { assetId: layer.asset.id } : {};
        return { type: 'image', source: layer.source, ...asset, ...position, width: int(layer.width, at('width')), height: int(layer.height, at('height')), shape: layer.shape };
      }
      case 'qr':
        return { type: 'qr', ...position, size: int(layer.size, at('size')) };
    }
  });
  const request: PosterTemplateFields = {
    name: draft.name,
    campaign: draft.campaign,
    width: int(draft.width, 'body.width'),
    height: int(draft.height, 'body.height'),
    backgroundAssetId: draft.background?.id ?? '',
    qrPage: draft.qrPage.trim().replace(/^\//, ''),
    scanValidDays: int(draft.scanValidDays, 'body.scanValidDays'),
    layers,
  };
  return { request, issues };
}

export function toUpdatePosterRequest(request: PosterTemplateFields, expectedVersion: number): UpdatePosterTemplateRequest {
  return { ...request, expectedVersion };
}

/** Moves the layer at `index` one step (up = drawn earlier, further below the others). */
export function moveLayer(layers: readonly LayerDraft[], index: number, step: -1 | 1): LayerDraft[] {
  const target = index + step;
  if (target < 0 || target >= layers.length) return [...layers];
  const next = [...layers];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}
