import { decryptResource, encryptResource, ResourceDecryptionError } from './aes-gcm';

// The derived vector of the protocol reference §D5 (generated locally, not an official one).
const KEY = '0123456789abcdef0123456789abcdef';
const VECTOR = {
  nonce: 'abcdefghijkl',
  associatedData: 'transaction',
  ciphertext: 'Eu6myr+6GaECeJdOZPZ6BX5lij2Vohspf9pbw6Eor54J6prefQGx4A8pw4Iiseaw8SDSwJlkDdmqkDsswI+ydLGOqRL04SaV2EvGI/1ky+AOGg==',
};

function flipLastByte(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0x01;
  return bytes.toString('base64');
}

describe('decryptResource', () => {
  it('decrypts the reference vector', () => {
    expect(decryptResource(VECTOR, KEY)).toBe('{"out_trade_no":"T1","trade_state":"SUCCESS","amount":{"total":1}}');
  });

  it.each([
    ['a tampered auth tag', { ...VECTOR, ciphertext: flipLastByte(VECTOR.ciphertext) }, KEY],
    ['a wrong AAD', { ...VECTOR, associatedData: 'refund' }, KEY],
    ['an empty AAD instead of "transaction"', { ...VECTOR, associatedData: '' }, KEY],
    ['a wrong nonce', { ...VECTOR, nonce: 'abcdefghijkm' }, KEY],
    ['a wrong key', VECTOR, 'fedcba9876543210fedcba9876543210'],
    ['a tampered first byte of the data', { ...VECTOR, ciphertext: 'Fu6' + VECTOR.ciphertext.slice(3) }, KEY],
  ])('refuses %s', (_why, resource, key) => {
    expect(() => decryptResource(resource, key)).toThrow(ResourceDecryptionError);
  });

  it.each([
    ['a ciphertext no longer than the tag', { ...VECTOR, ciphertext: Buffer.alloc(16).toString('base64') }, KEY],
    ['a nonce that is not 12 bytes', { ...VECTOR, nonce: 'abc' }, KEY],
    ['a key that is not 32 bytes', VECTOR, 'short'],
  ])('refuses %s before trying', (_why, resource, key) => {
    expect(() => decryptResource(resource, key)).toThrow(ResourceDecryptionError);
  });
});

describe('encryptResource', () => {
  it('reproduces the reference vector with its nonce', () => {
    expect(encryptResource('{"out_trade_no":"T1","trade_state":"SUCCESS","amount":{"total":1}}', KEY, 'transaction', 'abcdefghijkl')).toEqual(VECTOR);
  });

  it('round-trips Chinese text with a random 12-character nonce', () => {
    const sealed = encryptResource('{"summary":"支付成功"}', KEY, '');
    expect(sealed.nonce).toHaveLength(12);
    expect(decryptResource(sealed, KEY)).toBe('{"summary":"支付成功"}');
  });
});
