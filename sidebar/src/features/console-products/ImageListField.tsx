import type { ErrorDetail } from '@zhike/shared/errors';
import { AssetUpload } from '../console-content/assets/AssetUpload';
import type { AssetRef } from '../console-content/assets/asset-ref';
import { FieldError } from '../console-content/form/FieldError';

const MAX_IMAGES = 9;

/** 详情图: up to nine, in order; each new upload goes at the end, any can be removed. */
export function ImageListField({ images, onChange, details }: { images: AssetRef[]; onChange: (images: AssetRef[]) => void; details: readonly ErrorDetail[] }) {
  return (
    <div className="form-field">
      <span className="form-label">详情图（{images.length}/{MAX_IMAGES}）</span>
      {images.length > 0 && (
        <ul className="product-images">
          {images.map((image, index) => (
            <li key={`${image.id}-${index}`} data-testid="product-image">
              <img className="asset-thumb" src={image.url} alt={`详情图 ${index + 1}`} />
              <button type="button" className="link-button link-danger" onClick={() => onChange(images.filter((_, other) => other !== index))}>
                移除
              </button>
              <FieldError details={details} field={`body.imageAssetIds.${index}`} />
            </li>
          ))}
        </ul>
      )}
      {images.length < MAX_IMAGES && (
        <AssetUpload label="添加详情图" kind="image" value={null} onChange={(asset) => asset && onChange([...images, asset])} field="body.imageAssetIds" details={details} />
      )}
    </div>
  );
}
