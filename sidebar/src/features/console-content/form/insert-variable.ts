/** Puts `token` where the caret (or selection) is, and says where the caret goes after it. */
export function insertAtCaret(value: string, token: string, start: number | null, end: number | null): { value: string; caret: number } {
  const from = Math.min(start ?? value.length, value.length);
  const to = Math.max(from, Math.min(end ?? from, value.length));
  return { value: value.slice(0, from) + token + value.slice(to), caret: from + token.length };
}
