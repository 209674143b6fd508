import crypto from 'node:crypto';

/** One part of a multipart/form-data body. */
export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  /** Extra Content-Disposition parameters, e.g. WeCom's `filelength`. */
  disposition?: Record<string, string>;
  bytes: Buffer;
}

export class MultipartError extends Error {
  override readonly name = 'MultipartError';
}

const CRLF = '\r\n';

/** Quotes a Content-Disposition value the way browsers do: `"`, CR and LF percent-escaped, UTF-8 kept. */
function quote(value: string): string {
  return `"${value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}"`;
}

/**
 * Encodes parts as multipart/form-data. Built by hand rather than with `FormData` because WeCom's
 * media upload documents a `filelength` parameter in the part's Content-Disposition, which FormData
 * cannot express.
 */
export function encodeMultipart(parts: MultipartPart[], boundary = `----zhike${crypto.randomBytes(12).toString('hex')}`): { contentType: string; bytes: Buffer } {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    let disposition = `form-data; name=${quote(part.name)}`;
    if (part.filename !== undefined) disposition += `; filename=${quote(part.filename)}`;
    for (const [key, value] of Object.entries(part.disposition ?? {})) disposition += `; ${key}=${value}`;
    let head = `--${boundary}${CRLF}Content-Disposition: ${disposition}${CRLF}`;
    if (part.contentType) head += `Content-Type: ${part.contentType}${CRLF}`;
    chunks.push(Buffer.from(head + CRLF, 'utf8'), part.bytes, Buffer.from(CRLF, 'utf8'));
  }
  chunks.push(Buffer.from(`--${boundary}--${CRLF}`, 'utf8'));
  return { contentType: `multipart/form-data; boundary=${boundary}`, bytes: Buffer.concat(chunks) };
}

/** The boundary of a `multipart/form-data; boundary=…` Content-Type, or undefined for any other type. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/form-data\s*(;|$)/i.test(contentType)) return undefined;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  // RFC 2046: 1–70 characters.
  return boundary && boundary.length <= 70 ? boundary : undefined;
}

/** `name="a b"; filename=x; filelength=6` → { name: 'a b', filename: 'x', filelength: '6' }. */
function parseDisposition(value: string): Record<string, string> {
  const params: Record<string, string> = {};
  const pattern = /;\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  for (const match of value.matchAll(pattern)) {
    params[match[1]!.toLowerCase()] = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3]!.trim();
  }
  return params;
}

/**
 * Splits a complete multipart/form-data body into its parts. Bodies are small enough here (≤ 20 MB
 * uploads into a sandbox) to hold in memory, so this works on one Buffer instead of a stream.
 */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  let cursor = body.indexOf(delimiter);
  if (cursor < 0) throw new MultipartError('boundary not found');
  const parts: MultipartPart[] = [];
  for (;;) {
    cursor += delimiter.length;
    if (body.subarray(cursor, cursor + 2).toString() === '--') return parts;
    if (body.subarray(cursor, cursor + 2).toString() !== CRLF) throw new MultipartError('malformed delimiter line');
    cursor += 2;
    const headerEnd = body.indexOf(CRLF + CRLF, cursor);
    if (headerEnd < 0) throw new MultipartError('part headers not terminated');
    const headers = new Map<string, string>();
    for (const line of body.subarray(cursor, headerEnd).toString('utf8').split(CRLF)) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    // The part's content ends at CRLF + the next delimiter; the bytes may contain anything else.
    const next = body.indexOf(Buffer.from(CRLF + `--${boundary}`), headerEnd + 4);
    if (next < 0) throw new MultipartError('closing boundary not found');
    const disposition = headers.get('content-disposition') ?? '';
    if (!/^form-data\s*(;|$)/i.test(disposition)) throw new MultipartError('part without form-data disposition');
    const { name, filename, ...rest } = parseDisposition(disposition);
    if (name === undefined) throw new MultipartError('part without a name');
    parts.push({
      name,
      ...(filename !== undefined ? { filename } : {}),
      ...(headers.has('content-type') ? { contentType: headers.get('content-type') } : {}),
      disposition: rest,
      bytes: Buffer.from(body.subarray(headerEnd + 4, next)),
    });
    cursor = next + 2;
  }
}
