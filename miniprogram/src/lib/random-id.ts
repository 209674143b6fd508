const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * A random id of `length` base-62 characters (20 ≈ 119 bits). Math.random rather than crypto: WeChat's
 * JS engine has no synchronous `crypto.getRandomValues`, and these ids only need to be unique, not secret.
 */
export function randomId(length = 20): string {
  let id = '';
  for (let i = 0; i < length; i += 1) id += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  return id;
}
