import type { ErrorDetail } from '@zhike/shared/errors';
import { FieldError } from '../form/FieldError';
import { ImageLayerFields, QrLayerFields, TextLayerFields } from './LayerFields';
import { moveLayer, newLayer, type LayerDraft } from './poster-draft';

const LAYER_LABELS: Record<LayerDraft['type'], string> = { text: '文字', image: '图片', qr: '二维码' };

interface LayerListProps {
  layers: LayerDraft[];
  canvas: { width: number; height: number };
  details: readonly ErrorDetail[];
  onChange: (layers: LayerDraft[]) => void;
}

/** The layers in drawing order (later ones on top); each one's issues show on its own fields. */
export function LayerList({ layers, canvas, details, onChange }: LayerListProps) {
  const replace = (index: number, layer: LayerDraft) => onChange(layers.map((current, i) => (i === index ? layer : current)));
  return (
    <fieldset className="form-field layer-list">
      <legend className="form-label">图层（后面的图层画在上面）</legend>
      <FieldError details={details} field="body.layers" />
      {layers.map((layer, index) => {
        const path = `body.layers.${index}`;
        return (
          <div key={layer.key} className="layer-card" data-testid="poster-layer" aria-label={`图层 ${index + 1}`}>
            <div className="layer-head">
              <span className="layer-title">
                图层 {index + 1} · {LAYER_LABELS[layer.type]}
              </span>
              <span className="layer-actions">
                <button type="button" className="link-button" aria-label={`上移图层 ${index + 1}`} disabled={index === 0} onClick={() => onChange(moveLayer(layers, index, -1))}>
                  上移
                </button>
                <button type="button" className="link-button" aria-label={`下移图层 ${index + 1}`} disabled={index === layers.length - 1} onClick={() => onChange(moveLayer(layers, index, 1))}>
                  下移
                </button>
                <button type="button" className="link-button link-danger" aria-label={`删除图层 ${index + 1}`} onClick={() => onChange(layers.filter((_, i) => i !== index))}>
                  删除
                </button>
              </span>
            </div>
            <FieldError details={details} field={path} />
            {layer.type === 'text' && <TextLayerFields layer={layer} path={path} details={details} onChange={(next) => replace(index, next)} />}
            {layer.type === 'image' && <ImageLayerFields layer={layer} path={path} details={details} onChange={(next) => replace(index, next)} />}
            {layer.type === 'qr' && <QrLayerFields layer={layer} path={path} details={details} onChange={(next) => replace(index, next)} />}
          </div>
        );
      })}
      <div className="layer-add">
        {(Object.keys(LAYER_LABELS) as LayerDraft['type'][]).map((type) => (
          <button key={type} type="button" className="button button-small" disabled={layers.length >= 20} onClick={() => onChange([...layers, newLayer(type, canvas)])}>
            + {LAYER_LABELS[type]}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
