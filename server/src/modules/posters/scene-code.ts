import crypto from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const SCENE_CODE_LENGTH = 12;

/**
 * "p" and 11 random base62 characters (65 bits): within WeChat's 32-character scene limit and its
 * character set, and unguessable, so nobody can walk the codes to read whose poster is whose.
 */
export function newSceneCode(): string {
  let code = 'p';
  while (code.length < SCENE_CODE_LENGTH) {
    for (const byte of crypto.randomBytes(16)) {
      // 248 = 4 × 62: rejecting larger bytes keeps every character equally likely.
      if (byte < 248 && code.length < SCENE_CODE_LENGTH) code += ALPHABET[byte % 62];
    }
  }
  return code;
}
