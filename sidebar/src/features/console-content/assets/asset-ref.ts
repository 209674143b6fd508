import type { AssetView } from '@zhike/shared/content';

/** An asset a form points at: always its id; what to show for it when the upload happened in this session. */
export interface AssetRef {
  id: string;
  /** Where to display it; for assets saved earlier the server's asset route (see `assetUrl`). */
  url: string;
  filename?: string;
  size?: number;
}

/**
 * Saved scripts and templates carry only asset ids. Displaying them assumes the server serves an asset at
 * `/api/assets/:id` (the same place upload answers point at) — one function, so a change of route is one edit.
 */
export function assetUrl(assetId: string): string {
  return `/api/assets/${encodeURIComponent(assetId)}`;
}

export function assetRefFromId(assetId: string | undefined): AssetRef | null {
  return assetId ? { id: assetId, url: assetUrl(assetId) } : null;
}

export function assetRefFromUpload(asset: AssetView): AssetRef {
  return { id: asset.id, url: asset.url, filename: asset.filename, size: asset.size };
}

/** "1.5 MB", "320 KB": sizes as people read them in upload limits. */
export function formatBytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
