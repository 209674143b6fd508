import crypto from 'node:crypto';

/** The `resource` of a notification (and of `/v3/certificates` items): AEAD_AES_256_GCM under the APIv3 key. */
export interface EncryptedResource {
  /** base64 of the encrypted bytes followed by the 16-byte auth tag. */
  ciphertext: string;
  /** 12 characters, used as the IV. */
  nonce: string;
  /** Authenticated but not encrypted; may be empty. */
  associatedData: string;
}

const TAG_BYTES = 16;
const NONCE_BYTES = 12;

export class ResourceDecryptionError extends Error {
  override readonly name = 'ResourceDecryptionError';
}

function apiV3KeyBytes(apiV3Key: string): Buffer {
  const key = Buffer.from(apiV3Key, 'utf8');
  if (key.length !== 32) throw new ResourceDecryptionError('the APIv3 key must be 32 bytes');
  return key;
}

/**
 * Decrypts and authenticates a resource. Unlike wechatpay-node-v3's `decipher_gcm` (which never calls
 * `final()`, so a forged tag or a wrong AAD still yields plaintext), anything that does not authenticate throws.
 */
export function decryptResource(resource: EncryptedResource, apiV3Key: string): string {
  const sealed = Buffer.from(resource.ciphertext, 'base64');
  const iv = Buffer.from(resource.nonce, 'utf8');
  if (iv.length !== NONCE_BYTES) throw new ResourceDecryptionError(`the nonce must be ${NONCE_BYTES} bytes`);
  if (sealed.length <= TAG_BYTES) throw new ResourceDecryptionError('the ciphertext is shorter than its auth tag');
  const decipher = crypto.createDecipheriv('aes-256-gcm', apiV3KeyBytes(apiV3Key), iv, { authTagLength: TAG_BYTES });
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  decipher.setAAD(Buffer.from(resource.associatedData, 'utf8'));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new ResourceDecryptionError('the resource does not authenticate (tag, AAD, nonce or key is wrong)');
  }
}

/** The sending side, for the sandbox: WeChat Pay's encryption of a notification resource. */
export function encryptResource(plaintext: string, apiV3Key: string, associatedData: string, nonce = crypto.randomBytes(9).toString('base64url')): EncryptedResource {
  const iv = Buffer.from(nonce, 'utf8');
  if (iv.length !== NONCE_BYTES) throw new ResourceDecryptionError(`the nonce must be ${NONCE_BYTES} bytes`);
  const cipher = crypto.createCipheriv('aes-256-gcm', apiV3KeyBytes(apiV3Key), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const encrypted = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { ciphertext: Buffer.concat([encrypted, cipher.getAuthTag()]).toString('base64'), nonce, associatedData };
}
