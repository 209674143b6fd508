import crypto from 'node:crypto';
import { getSignature } from '@wecom/crypto';
import { CallbackRejectedError, WeComCallbackCrypto, readCallbackXml, type CallbackRejectionReason } from './callback-crypto';

// Official WXBizMsgCrypt sample values (reference §B10).
const token = 'QDG6eK';
const corpId = 'wx5823bf96d3bd56c7';
const encodingAesKey = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';

const officialEncrypt =
  'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==';
const officialBody = `<xml><ToUserName><![CDATA[${corpId}]]></ToUserName><Encrypt><![CDATA[${officialEncrypt}]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>`;
const officialPlaintext =
  `<xml><ToUserName><![CDATA[${corpId}]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]></FromUserName>\n<CreateTime>1409659813</CreateTime>\n` +
  '<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>';

function cryptoAt(timestampSeconds: number, receiveId = corpId): WeComCallbackCrypto {
  return new WeComCallbackCrypto({ token, encodingAesKey, receiveId, now: () => timestampSeconds * 1000 });
}

function rejectionOf(action: () => unknown): CallbackRejectionReason | 'no rejection' {
  try {
    action();
  } catch (error) {
    if (error instanceof CallbackRejectedError) return error.reason;
    throw error;
  }
  return 'no rejection';
}

/** What a non-conforming sender would produce: Node's default PKCS#7 padding to 16 bytes. */
function encryptWithBlockPadding(message: Buffer, declaredLength = message.length): string {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(declaredLength);
  const cipher = crypto.createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  const plain = Buffer.concat([Buffer.alloc(16, 'r'), length, message, Buffer.from(corpId)]);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
}

function envelope(encrypted: string): string {
  return `<xml><ToUserName><![CDATA[${corpId}]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>`;
}

describe('WeComCallbackCrypto', () => {
  describe('official vectors', () => {
    it('verifies the URL and returns the echostr plaintext', () => {
      const query = {
        msg_signature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
        timestamp: '1409659589',
        nonce: '263014780',
        echostr: 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
      };
      expect(cryptoAt(1409659589).verifyUrl(query)).toBe('1616140317555161061');
    });

    it('opens the DecryptMsg sample (pad 30, beyond what Node auto-padding accepts)', () => {
      const query = { msg_signature: '477715d11cdb4164915debcba66cb864d751f3e6', timestamp: '1409659813', nonce: '1372623149' };
      expect(cryptoAt(1409659813).open(query, officialBody)).toBe(officialPlaintext);
    });

    it('opens the derived vector', () => {
      const encrypted =
        '2JaQ0H0H/TuqGM/rDRTva+jKDhpr+RvimCiOcIZFenRawt+9EpASVc0eebY8YUsA7Qiwkyw7PRG7ZFDwgfrfvoWKQJlqyfaFyJPINM6RGGM4J1nWQvpHz+7TdveNKpp4geVvmpXPUn0eBcGfEjJ6nO7ckOWcFZQ9rOVdiFq8yp4HPgP0at+OlGpvTKTpKrfPL570Y0czE9LrSrHVTYBZBw==';
      const query = { msg_signature: '82fa63888d0913de26c0d377326cb072002aadc2', timestamp: '1700000000', nonce: 'abc123' };
      expect(cryptoAt(1700000000).open(query, envelope(encrypted))).toBe(
        `<xml><ToUserName><![CDATA[${corpId}]]></ToUserName><Event><![CDATA[change_external_contact]]></Event></xml>`,
      );
    });
  });

  describe('rejections', () => {
    const now = 1700000000;
    const sealed = cryptoAt(now).seal('<xml><Content><![CDATA[hi]]></Content></xml>', { agentId: 218 });

    it('rejects a tampered Encrypt as bad_signature', () => {
      const encrypted = String(readCallbackXml(sealed.body).Encrypt);
      const flipped = encrypted.startsWith('A') ? `B${encrypted.slice(1)}` : `A${encrypted.slice(1)}`;
      expect(rejectionOf(() => cryptoAt(now).open(sealed.query, envelope(flipped)))).toBe('bad_signature');
    });

    it('rejects a signature of another token as bad_signature', () => {
      const query = { ...sealed.query, msg_signature: sealed.query.msg_signature.replace(/^./, (c) => (c === '0' ? '1' : '0')) };
      expect(rejectionOf(() => cryptoAt(now).open(query, sealed.body))).toBe('bad_signature');
    });

    it('rejects a well-signed callback addressed to another corp as bad_receiver', () => {
      const other = cryptoAt(now, 'wwOTHERCORP0000001').seal('<xml/>');
      expect(rejectionOf(() => cryptoAt(now).open(other.query, other.body))).toBe('bad_receiver');
    });

    it('rejects timestamps outside the replay window, in both directions', () => {
      expect(rejectionOf(() => cryptoAt(now + 600).open(sealed.query, sealed.body))).toBe('stale_timestamp');
      expect(rejectionOf(() => cryptoAt(now - 600).open(sealed.query, sealed.body))).toBe('stale_timestamp');
      expect(rejectionOf(() => cryptoAt(now + 299).open(sealed.query, sealed.body))).toBe('no rejection');
    });

    it.each([
      ['blocks of random-looking bytes', Buffer.alloc(64, 7).toString('base64')],
      ['a length that is not a whole block', Buffer.alloc(40, 1).toString('base64')],
      ['characters outside base64', '!!!!'],
      ['a well-formed plaintext padded to 16 instead of 32 bytes', encryptWithBlockPadding(Buffer.from('xx'))],
      ['a plaintext whose length field points past the end', encryptWithBlockPadding(Buffer.from('xx'), 4096)],
    ])('rejects %s with a matching signature as undecryptable', (_label, encrypted) => {
      const query = { msg_signature: getSignature(token, String(now), 'n1', encrypted), timestamp: String(now), nonce: 'n1' };
      expect(rejectionOf(() => cryptoAt(now).open(query, envelope(encrypted)))).toBe('undecryptable');
    });

    it.each([
      ['plain text', 'hello'],
      ['JSON', '{"Encrypt":"abc"}'],
      ['an envelope without Encrypt', '<xml><ToUserName>x</ToUserName></xml>'],
      ['two root elements', '<xml><Encrypt>a</Encrypt></xml><xml/>'],
      ['a DOCTYPE', '<!DOCTYPE xml [<!ENTITY e "x">]><xml><Encrypt>&e;</Encrypt></xml>'],
      ['unclosed XML', '<xml><Encrypt>abc</Encrypt>'],
    ])('rejects %s as malformed', (_label, body) => {
      expect(rejectionOf(() => cryptoAt(now).open(sealed.query, body))).toBe('malformed');
    });

    it('rejects a query without a signature or with a repeated parameter as malformed', () => {
      expect(rejectionOf(() => cryptoAt(now).open({ timestamp: String(now), nonce: '1' }, sealed.body))).toBe('malformed');
      expect(rejectionOf(() => cryptoAt(now).open({ ...sealed.query, nonce: ['1', '2'] }, sealed.body))).toBe('malformed');
    });
  });

  describe('seal', () => {
    it('round-trips Chinese text through open', () => {
      const plain = '<xml><Content><![CDATA[你好，知客 👋]]></Content></xml>';
      const now = 1700000123;
      const { query, body } = cryptoAt(now).seal(plain, { agentId: 1000002 });
      expect(cryptoAt(now).open(query, body)).toBe(plain);
      expect(readCallbackXml(body)).toMatchObject({ ToUserName: corpId, AgentID: '1000002' });
    });

    it('uses the given timestamp and nonce and a fresh random prefix each time', () => {
      const a = cryptoAt(1).seal('<xml/>', { timestamp: '1700000000', nonce: 'abc123' });
      const b = cryptoAt(1).seal('<xml/>', { timestamp: '1700000000', nonce: 'abc123' });
      expect(a.query).toMatchObject({ timestamp: '1700000000', nonce: 'abc123' });
      expect(a.body).not.toBe(b.body);
    });

    it('seals an echostr that verifyUrl accepts', () => {
      const query = cryptoAt(1700000000).sealEchostr('8273619450', '1700000000', '42');
      expect(cryptoAt(1700000000).verifyUrl(query)).toBe('8273619450');
      expect(rejectionOf(() => cryptoAt(1700000000).verifyUrl({ ...query, echostr: `${query.echostr.slice(0, -4)}AAA=` }))).toBe(
        'bad_signature',
      );
    });
  });

  it('refuses an EncodingAESKey that is not 43 base64 characters', () => {
    expect(() => new WeComCallbackCrypto({ token, encodingAesKey: 'short', receiveId: corpId })).toThrow(/EncodingAESKey/);
  });
});
