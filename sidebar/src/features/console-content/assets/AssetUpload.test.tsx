import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { UPLOADED_IMAGE } from '../testing/console-fixtures';
import { fail, fakeConsoleApi, json } from '../testing/fake-console-api';
import type { AssetRef } from './asset-ref';
import { AssetUpload } from './AssetUpload';

function Harness({ kind = 'image' as const }: { kind?: 'image' | 'file' }) {
  const [asset, setAsset] = useState<AssetRef | null>(null);
  return (
    <>
      <AssetUpload label="图片" kind={kind} value={asset} onChange={setAsset} field="body.content.assetId" details={[]} />
      <output data-testid="asset-id">{asset?.id ?? ''}</output>
    </>
  );
}

const picker = () => screen.getByLabelText('图片') as HTMLInputElement;
const choose = (file: File) => fireEvent.change(picker(), { target: { files: [file] } });

describe('AssetUpload', () => {
  it('PUTs the raw file with its type and name, and keeps the asset id', async () => {
    const { callsTo } = fakeConsoleApi({ 'PUT /api/assets': json({ asset: UPLOADED_IMAGE }, 201) });
    render(<Harness />);
    const file = new File(['png-bytes'], '封面 1.png', { type: 'image/png' });
    choose(file);

    await waitFor(() => expect(screen.getByTestId('asset-id').textContent).toBe(UPLOADED_IMAGE.id));
    const [call] = callsTo('PUT', '/api/assets');
    expect(call!.query.get('filename')).toBe('封面 1.png');
    expect(call!.headers['Content-Type']).toBe('image/png');
    expect(call!.body).toBe(file);
    expect((screen.getByAltText('已上传的图片') as HTMLImageElement).getAttribute('src')).toBe(UPLOADED_IMAGE.url);
  });

  it('shows the server’s 413 message next to the upload control and keeps no asset', async () => {
    fakeConsoleApi({ 'PUT /api/assets': fail(413, 'PAYLOAD_TOO_LARGE', '图片不能超过 2 MB') });
    render(<Harness />);
    choose(new File(['x'], 'big.png', { type: 'image/png' }));

    const message = await screen.findByTestId('upload-error');
    expect(message.textContent).toBe('图片不能超过 2 MB');
    expect(message.closest('.asset-upload')!.contains(picker())).toBe(true);
    expect(screen.getByTestId('asset-id').textContent).toBe('');
  });

  it('refuses a file of the wrong type before uploading it', async () => {
    const { fetchMock } = fakeConsoleApi({});
    render(<Harness />);
    choose(new File(['GIF89a'], 'anim.gif', { type: 'image/gif' }));

    expect((await screen.findByTestId('upload-error')).textContent).toBe('只能上传 PNG 或 JPEG 图片，“anim.gif”不是。');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('refuses an oversized PDF before uploading it, naming the limit', async () => {
    const { fetchMock } = fakeConsoleApi({});
    render(<Harness kind="file" />);
    const pdf = new File(['%PDF'], '手册.pdf', { type: 'application/pdf' });
    Object.defineProperty(pdf, 'size', { value: 21 * 1024 * 1024 });
    choose(pdf);

    expect((await screen.findByTestId('upload-error')).textContent).toBe('文件不能超过 20 MB，“手册.pdf”有 21 MB。');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
