import { AssetResponse, UPLOAD_LIMITS, type AssetView } from '@zhike/shared/content';
import { uploadRaw } from '../../../lib/http-write';
import { formatBytes } from './asset-ref';

export type UploadKind = keyof typeof UPLOAD_LIMITS;

const KIND_NAMES: Record<UploadKind, string> = { image: 'PNG 或 JPEG 图片', file: 'PDF 文件' };

/** The `accept` of the file input: the picker offers only what the server takes. */
export function acceptFor(kind: UploadKind): string {
  return UPLOAD_LIMITS[kind].contentTypes.join(',');
}

/**
 * Why the server would refuse this file, said before uploading it (a 20 MB upload only to hear "too large" is
 * slow); null when it may go. The server checks again and its 413/415 message is shown the same way.
 */
export function uploadProblem(file: File, kind: UploadKind): string | null {
  const limit = UPLOAD_LIMITS[kind];
  if (!(limit.contentTypes as readonly string[]).includes(file.type)) return `只能上传 ${KIND_NAMES[kind]}，“${file.name}”不是。`;
  if (file.size > limit.maxBytes) return `文件不能超过 ${formatBytes(limit.maxBytes)}，“${file.name}”有 ${formatBytes(file.size)}。`;
  return null;
}

/** Uploads the file as the raw body; 201 `{asset}`. Rejects with ApiError 413 (too large) / 415 (wrong type). */
export async function uploadAsset(file: File): Promise<AssetView> {
  const path = `/api/assets?filename=${encodeURIComponent(file.name)}`;
  // An unknown type goes as octet-stream, so the server's 415 message explains it rather than a guess of ours.
  return (await uploadRaw(path, file, file.type || 'application/octet-stream', AssetResponse)).asset;
}
