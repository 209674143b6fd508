/** `{a: '1', b: 'x y'}` → `a=1&b=x%20y`, skipping empty values; keys keep their order. */
export function toQueryString(params: Record<string, string | undefined>): string {
  return Object.entries(params)
    .filter((entry): entry is [string, string] => Boolean(entry[1]))
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
}

/**
 * WeChat hands page query values over still URL-encoded (a code's scene always, a card's path as
 * written), and Taro's H5 router does the same with the hash query; a malformed escape is kept as is.
 */
export function decodeParam(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
