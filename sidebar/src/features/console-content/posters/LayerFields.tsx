import type { ErrorDetail } from '@zhike/shared/errors';
import { AssetUpload } from '../assets/AssetUpload';
import { FieldError } from '../form/FieldError';
import { NumberField } from '../form/NumberField';
import { TextWithVariables } from '../form/TextWithVariables';
import type { ImageLayerDraft, ImageSource, LayerDraft, QrLayerDraft, TextLayerDraft } from './poster-draft';

export const IMAGE_SOURCE_LABELS: Record<ImageSource, string> = { salesperson_avatar: '销售头像', customer_avatar: '客户头像', asset: '上传的图片' };

interface LayerFieldsProps<L extends LayerDraft> {
  layer: L;
  /** `body.layers.<index>`: the server's path of this layer. */
  path: string;
  details: readonly ErrorDetail[];
  onChange: (layer: L) => void;
}

/** x/y of every layer: the top-left corner, in poster pixels. */
function Position<L extends LayerDraft>({ layer, path, details, onChange }: LayerFieldsProps<L>) {
  return (
    <>
      <NumberField label="X" unit="px" min={0} max={2500} value={layer.x} onChange={(x) => onChange({ ...layer, x })} field={`${path}.x`} details={details} />
      <NumberField label="Y" unit="px" min={0} max={2500} value={layer.y} onChange={(y) => onChange({ ...layer, y })} field={`${path}.y`} details={details} />
    </>
  );
}

export function TextLayerFields(props: LayerFieldsProps<TextLayerDraft>) {
  const { layer, path, details, onChange } = props;
  return (
    <>
      <TextWithVariables label="文字" maxLength={200} value={layer.text} onChange={(text) => onChange({ ...layer, text })} field={`${path}.text`} details={details} />
      <div className="field-row">
        <Position {...props} />
        <NumberField label="字号" unit="px" min={12} max={160} value={layer.fontSize} onChange={(fontSize) => onChange({ ...layer, fontSize })} field={`${path}.fontSize`} details={details} />
        <NumberField label="最大宽度" unit="px" value={layer.maxWidth} onChange={(maxWidth) => onChange({ ...layer, maxWidth })} field={`${path}.maxWidth`} details={details} />
      </div>
      <div className="field-row">
        <label className="form-field">
          <span className="form-label">颜色</span>
          <input type="color" className="color-input" value={layer.color} onChange={(event) => onChange({ ...layer, color: event.target.value })} />
          <FieldError details={details} field={`${path}.color`} />
        </label>
        <label className="form-field">
          <span className="form-label">对齐</span>
          <select className="form-input" value={layer.align} onChange={(event) => onChange({ ...layer, align: event.target.value as TextLayerDraft['align'] })}>
            <option value="left">左对齐</option>
            <option value="center">居中</option>
            <option value="right">右对齐</option>
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={layer.bold} onChange={(event) => onChange({ ...layer, bold: event.target.checked })} />
          加粗
        </label>
      </div>
    </>
  );
}

export function ImageLayerFields(props: LayerFieldsProps<ImageLayerDraft>) {
  const { layer, path, details, onChange } = props;
  return (
    <>
      <div className="field-row">
        <label className="form-field">
          <span className="form-label">图片来源</span>
          <select className="form-input" value={layer.source} onChange={(event) => onChange({ ...layer, source: event.target.value as ImageSource })}>
            {Object.entries(IMAGE_SOURCE_LABELS).map(([source, label]) => (
              <option key={source} value={source}>
                {label}
              </option>
            ))}
          </select>
          <FieldError details={details} field={`${path}.source`} />
        </label>
        <label className="form-field">
          <span className="form-label">形状</span>
          <select className="form-input" value={layer.shape} onChange={(event) => onChange({ ...layer, shape: event.target.value as ImageLayerDraft['shape'] })}>
            <option value="square">方形</option>
            <option value="circle">圆形</option>
          </select>
        </label>
      </div>
      {layer.source === 'asset' && <AssetUpload label="图片" kind="image" value={layer.asset} onChange={(asset) => onChange({ ...layer, asset })} field={`${path}.assetId`} details={details} />}
      <div className="field-row">
        <Position {...props} />
        <NumberField label="宽" unit="px" min={8} max={2500} value={layer.width} onChange={(width) => onChange({ ...layer, width })} field={`${path}.width`} details={details} />
        <NumberField label="高" unit="px" min={8} max={2500} value={layer.height} onChange={(height) => onChange({ ...layer, height })} field={`${path}.height`} details={details} />
      </div>
    </>
  );
}

export function QrLayerFields(props: LayerFieldsProps<QrLayerDraft>) {
  const { layer, path, details, onChange } = props;
  return (
    <div className="field-row">
      <Position {...props} />
      <NumberField label="边长" unit="px" min={80} max={1280} value={layer.size} onChange={(size) => onChange({ ...layer, size })} field={`${path}.size`} details={details} />
    </div>
  );
}

/** Every path a layer's fields show issues at, so the banner lists only the rest. */
export function layerFieldPaths(path: string): string[] {
  return ['', '.text', '.x', '.y', '.fontSize', '.maxWidth', '.color', '.source', '.assetId', '.width', '.height', '.size'].map((suffix) => path + suffix);
}
