import { SCRIPT_TYPE_LABELS, type ScriptContent, type ScriptType } from '@zhike/shared/scripts';

/** A piece of a script's text: plain words, or a variable the server fills per customer at send time. */
export type PreviewSegment = { kind: 'text'; text: string } | { kind: 'variable'; name: string };

// `{{客户称呼}}` or `{{客户称呼|朋友}}`; `\{{` is a literal `{{` (the same rules the server fills by).
const VARIABLE = /\\\{\{|\{\{\s*([^{}|]+?)\s*(?:\|[^{}]*)?\}\}/g;

/** Splits text so variables can be shown as chips instead of raw braces. */
export function splitVariables(text: string): PreviewSegment[] {
  const segments: PreviewSegment[] = [];
  let plain = '';
  let last = 0;
  for (const match of text.matchAll(VARIABLE)) {
    plain += text.slice(last, match.index);
    last = match.index + match[0].length;
    if (match[1] === undefined) {
      plain += '{{';
      continue;
    }
    if (plain) segments.push({ kind: 'text', text: plain });
    plain = '';
    segments.push({ kind: 'variable', name: match[1] });
  }
  plain += text.slice(last);
  if (plain) segments.push({ kind: 'text', text: plain });
  return segments;
}

export function scriptTypeLabel(type: ScriptType): string {
  return SCRIPT_TYPE_LABELS[type];
}

/**
 * The words a salesperson reads before sending: the text itself, or for cards what the customer will see on
 * them. Images and files have no words; their title (shown beside) says what they are.
 */
export function previewText(content: ScriptContent): string {
  switch (content.type) {
    case 'text':
      return content.text;
    case 'link':
      return [content.title, content.desc, hostOf(content.url)].filter(Boolean).join('\n');
    case 'miniprogram':
      return `${content.title}\n小程序页面：${content.page}`;
    case 'image':
      return '[图片]';
    case 'file':
      return '[文件]';
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** "以下变量无值，已用默认值代替：客户称呼、今天" — the fallback itself is not in the answer, so it is not named. */
export function missingVariablesHint(missing: readonly string[]): string | null {
  return missing.length === 0 ? null : `以下变量无值，已用默认值代替：${missing.join('、')}`;
}
