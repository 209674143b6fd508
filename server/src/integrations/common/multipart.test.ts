import { encodeMultipart, MultipartError, multipartBoundary, parseMultipart } from './multipart';

describe('encodeMultipart', () => {
  it('writes the part the way WeCom documents it, filelength included', () => {
    const { contentType, bytes } = encodeMultipart(
      [{ name: 'media', filename: 'wework.txt', contentType: 'application/octet-stream', disposition: { filelength: '6' }, bytes: Buffer.from('mytext') }],
      'b0undary',
    );
    expect(contentType).toBe('multipart/form-data; boundary=b0undary');
    expect(bytes.toString('utf8')).toBe(
      '--b0undary\r\n' +
        'Content-Disposition: form-data; name="media"; filename="wework.txt"; filelength=6\r\n' +
        'Content-Type: application/octet-stream\r\n' +
        '\r\n' +
        'mytext\r\n' +
        '--b0undary--\r\n',
    );
  });

  it('escapes quotes and line breaks in a filename and keeps Chinese as UTF-8', () => {
    const { bytes } = encodeMultipart([{ name: 'media', filename: '产品"手册"\r\n.pdf', bytes: Buffer.from('x') }], 'b');
    expect(bytes.toString('utf8')).toContain('filename="产品%22手册%22%0D%0A.pdf"');
  });
});

describe('parseMultipart', () => {
  it('round-trips binary content that contains CRLF and dashes', () => {
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x2d, 0x2d, 0x0d, 0x0a, 0x00, 0xff]);
    const { contentType, bytes } = encodeMultipart([
      { name: 'media', filename: '海报.png', contentType: 'image/png', disposition: { filelength: String(binary.length) }, bytes: binary },
      { name: 'note', bytes: Buffer.from('你好') },
    ]);
    const parts = parseMultipart(bytes, multipartBoundary(contentType)!);
    expect(parts).toEqual([
      { name: 'media', filename: '海报.png', contentType: 'image/png', disposition: { filelength: '12' }, bytes: binary },
      { name: 'note', disposition: {}, bytes: Buffer.from('你好') },
    ]);
  });

  it("reads what Node's own FormData writes", async () => {
    const form = new FormData();
    form.append('media', new Blob([Buffer.from('%PDF-1.4 body')], { type: 'application/pdf' }), 'a.pdf');
    const request = new Request('http://x/', { method: 'POST', body: form });
    const body = Buffer.from(await request.arrayBuffer());
    const parts = parseMultipart(body, multipartBoundary(request.headers.get('content-type') ?? '')!);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({ name: 'media', filename: 'a.pdf', contentType: 'application/pdf' });
    expect(parts[0]!.bytes.toString()).toBe('%PDF-1.4 body');
  });

  it('accepts an empty form', () => {
    expect(parseMultipart(Buffer.from('--b--\r\n'), 'b')).toEqual([]);
  });

  it.each([
    ['no boundary at all', 'hello'],
    ['a truncated body', '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nabc'],
    ['unterminated headers', '--b\r\nContent-Disposition: form-data; name="a"'],
    ['a part without a name', '--b\r\nContent-Disposition: form-data\r\n\r\nabc\r\n--b--'],
    ['a part that is not form-data', '--b\r\nContent-Disposition: attachment; name="a"\r\n\r\nabc\r\n--b--'],
    ['garbage after the delimiter', '--bxx\r\n'],
  ])('rejects %s', (_why, body) => {
    expect(() => parseMultipart(Buffer.from(body), 'b')).toThrow(MultipartError);
  });
});

describe('multipartBoundary', () => {
  it.each([
    ['multipart/form-data; boundary=abc', 'abc'],
    ['Multipart/Form-Data; charset=utf-8; boundary="a b"', 'a b'],
    ['application/json', undefined],
    ['multipart/form-data', undefined],
    [undefined, undefined],
    [`multipart/form-data; boundary=${'x'.repeat(71)}`, undefined],
  ])('%s → %s', (header, boundary) => {
    expect(multipartBoundary(header)).toBe(boundary);
  });
});
