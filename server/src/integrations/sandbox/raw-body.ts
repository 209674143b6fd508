import type { IncomingMessage } from 'node:http';

/**
 * Reads a request body the JSON body parser left alone (multipart uploads). Past `limit` bytes the rest
 * is drained and dropped, so the caller can still answer (as WeCom does, with an errcode) instead of
 * resetting the connection under a client that is still sending.
 */
export async function readRawBody(req: IncomingMessage, limit: number): Promise<{ tooLarge: false; bytes: Buffer } | { tooLarge: true }> {
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    received += chunk.length;
    if (received <= limit) chunks.push(chunk);
  }
  return received > limit ? { tooLarge: true } : { tooLarge: false, bytes: Buffer.concat(chunks) };
}
