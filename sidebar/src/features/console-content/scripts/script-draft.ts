import type { SaveScriptRequest, ScriptContent, ScriptType, ScriptView, UpdateScriptRequest } from '@zhike/shared/scripts';
import { assetRefFromId, type AssetRef } from '../assets/asset-ref';

/**
 * The editor's state. Every type keeps its own fields, so switching 文本 → 链接 → 文本 does not lose what was
 * typed; only the chosen type's fields are sent.
 */
export interface ScriptDraft {
  /** The script being edited and the version it was loaded at; null for a new one. */
  id: string | null;
  version: number | null;
  retired: boolean;
  title: string;
  categoryId: string;
  type: ScriptType;
  text: string;
  image: AssetRef | null;
  link: { url: string; title: string; desc: string; image: AssetRef | null };
  miniprogram: { title: string; page: string; image: AssetRef | null };
  file: AssetRef | null;
  keywords: string[];
  stages: string[];
  /** Not edited here yet; kept so saving does not drop them. */
  tagIds: string[];
}

export function emptyScriptDraft(categoryId: string): ScriptDraft {
  return {
    id: null,
    version: null,
    retired: false,
    title: '',
    categoryId,
    type: 'text',
    text: '',
    image: null,
    link: { url: '', title: '', desc: '', image: null },
    miniprogram: { title: '', page: 'pages/index/index', image: null },
    file: null,
    keywords: [],
    stages: [],
    tagIds: [],
  };
}

export function draftFromScript(script: ScriptView): ScriptDraft {
  const draft: ScriptDraft = {
    ...emptyScriptDraft(script.categoryId),
    id: script.id,
    version: script.version,
    retired: script.retired,
    title: script.title,
    type: script.content.type,
    keywords: [...script.keywords],
    stages: [...script.stages],
    tagIds: [...script.tagIds],
  };
  const content = script.content;
  switch (content.type) {
    case 'text':
      return { ...draft, text: content.text };
    case 'image':
      return { ...draft, image: assetRefFromId(content.assetId) };
    case 'link':
      return { ...draft, link: { url: content.url, title: content.title, desc: content.desc, image: assetRefFromId(content.imageAssetId) } };
    case 'miniprogram':
      return { ...draft, miniprogram: { title: content.title, page: content.page, image: assetRefFromId(content.imageAssetId) } };
    case 'file':
      return { ...draft, file: assetRefFromId(content.assetId) };
  }
}

// The server validates; a missing asset goes as '' so its answer names `body.content.assetId` next to the upload.
type ContentInput = SaveScriptRequest['content'];

export function contentOf(draft: ScriptDraft): ContentInput {
  switch (draft.type) {
    case 'text':
      return { type: 'text', text: draft.text };
    case 'image':
      return { type: 'image', assetId: draft.image?.id ?? '' };
    case 'link': {
      const { url, title, desc, image } = draft.link;
      return { type: 'link', url: url.trim(), title, desc, ...(image ? { imageAssetId: image.id } : {}) };
    }
    case 'miniprogram': {
      const { title, page, image } = draft.miniprogram;
      return { type: 'miniprogram', title, page: page.trim().replace(/^\//, ''), imageAssetId: image?.id ?? '' };
    }
    case 'file':
      return { type: 'file', assetId: draft.file?.id ?? '' };
  }
}

/** Admins write the shared library; personal scripts are the salespeople's own, made in the sidebar. */
export function toCreateRequest(draft: ScriptDraft): SaveScriptRequest {
  return { scope: 'shared', ...fieldsOf(draft) };
}

export function toUpdateRequest(draft: ScriptDraft, expectedVersion: number): UpdateScriptRequest {
  return { ...fieldsOf(draft), expectedVersion };
}

function fieldsOf(draft: ScriptDraft) {
  return { categoryId: draft.categoryId, title: draft.title, content: contentOf(draft), keywords: draft.keywords, stages: draft.stages, tagIds: draft.tagIds };
}

/** What a saved script's content looks like to the list's preview line. */
export function contentSummary(content: ScriptContent): string {
  switch (content.type) {
    case 'text':
      return content.text;
    case 'link':
      return `${content.title} · ${content.url}`;
    case 'miniprogram':
      return `${content.title} · ${content.page}`;
    case 'image':
      return '[图片]';
    case 'file':
      return '[文件]';
  }
}
