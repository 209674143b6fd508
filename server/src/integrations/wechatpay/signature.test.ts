import { formatAuthorization, parseAuthorization, paySignMessage, requestSignatureMessage, responseSignatureMessage, rfc3339Beijing } from './signature';

describe('signature messages', () => {
  it('a GET request ends in an empty body line', () => {
    expect(requestSignatureMessage('GET', '/v3/pay/transactions/out-trade-no/T1?mchid=1900000109', '1764045000', 'N0NCE', '')).toBe(
      'GET\n/v3/pay/transactions/out-trade-no/T1?mchid=1900000109\n1764045000\nN0NCE\n\n',
    );
  });

  it('a POST request signs the exact JSON', () => {
    expect(requestSignatureMessage('POST', '/v3/refund/domestic/refunds', '1764045000', 'N', '{"a":1}')).toBe('POST\n/v3/refund/domestic/refunds\n1764045000\nN\n{"a":1}\n');
  });

  it('an answer or notification has three lines; a 204 has an empty third', () => {
    expect(responseSignatureMessage('1764045000', 'N', '{"prepay_id":"wx1"}')).toBe('1764045000\nN\n{"prepay_id":"wx1"}\n');
    expect(responseSignatureMessage('1764045000', 'N', '')).toBe('1764045000\nN\n\n');
  });

  it('requestPayment signs four lines, each ending in \\n', () => {
    expect(paySignMessage('wxzhikedemo00001', '1764045000', 'ABC', 'prepay_id=wx1')).toBe('wxzhikedemo00001\n1764045000\nABC\nprepay_id=wx1\n');
  });
});

describe('parseAuthorization', () => {
  const fields = { mchid: '1900000109', nonce_str: 'N0NCE', timestamp: '1764045000', serial_no: '5AB3C0FFEE12345678', signature: 'c2ln+/==' };

  it('round-trips what formatAuthorization writes', () => {
    const header = formatAuthorization(fields);
    expect(header).toBe('WECHATPAY2-SHA256-RSA2048 mchid="1900000109",nonce_str="N0NCE",timestamp="1764045000",serial_no="5AB3C0FFEE12345678",signature="c2ln+/=="');
    expect(parseAuthorization(header)).toEqual(fields);
  });

  it('takes the fields in any order, with spaces after the commas', () => {
    expect(parseAuthorization('WECHATPAY2-SHA256-RSA2048 signature="c2ln+/==", serial_no="5AB3C0FFEE12345678", timestamp="1764045000", nonce_str="N0NCE", mchid="1900000109"')).toEqual(fields);
  });

  it.each([
    ['no header', undefined],
    ['another scheme', 'Bearer abc'],
    ['a missing field', 'WECHATPAY2-SHA256-RSA2048 mchid="1",nonce_str="n",timestamp="1",serial_no="s"'],
    ['a repeated field', 'WECHATPAY2-SHA256-RSA2048 mchid="1",mchid="2",nonce_str="n",timestamp="1",serial_no="s",signature="x"'],
    ['an empty field', 'WECHATPAY2-SHA256-RSA2048 mchid="",nonce_str="n",timestamp="1",serial_no="s",signature="x"'],
    ['an unknown field', 'WECHATPAY2-SHA256-RSA2048 mchid="1",nonce_str="n",timestamp="1",serial_no="s",signature="x",extra="y"'],
    ['unquoted values', 'WECHATPAY2-SHA256-RSA2048 mchid=1,nonce_str=n,timestamp=1,serial_no=s,signature=x'],
  ])('refuses %s', (_why, header) => {
    expect(parseAuthorization(header)).toBeUndefined();
  });
});

describe('rfc3339Beijing', () => {
  it('writes Beijing time with its offset, the way WeChat Pay does', () => {
    expect(rfc3339Beijing(new Date('2026-11-25T16:30:05.123Z'))).toBe('2026-11-26T00:30:05+08:00');
  });
});
