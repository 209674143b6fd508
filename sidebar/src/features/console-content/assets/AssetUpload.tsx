import type { ErrorDetail } from '@zhike/shared/errors';
import { useId, useState } from 'react';
import { FieldError } from '../form/FieldError';
import { toFormError } from '../form/form-error';
import { assetRefFromUpload, formatBytes, type AssetRef } from './asset-ref';
import { acceptFor, uploadAsset, uploadProblem, type UploadKind } from './assets.api';

interface AssetUploadProps {
  label: string;
  kind: UploadKind;
  value: AssetRef | null;
  onChange: (asset: AssetRef | null) => void;
  /** The server's path for the asset id (`body.content.assetId`), to show its issues here. */
  field: string;
  details: readonly ErrorDetail[];
  hint?: string;
  /** Whether the form may go without it (a link's thumbnail): then it can be removed. */
  optional?: boolean;
  disabled?: boolean;
}

/** Picks a file, uploads it at once and keeps its asset id; a refusal (too large, wrong type) shows right here. */
export function AssetUpload({ label, kind, value, onChange, field, details, hint, optional, disabled }: AssetUploadProps) {
  const id = useId();
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function choose(file: File | undefined) {
    if (!file) return;
    const local = uploadProblem(file, kind);
    setProblem(local);
    if (local) return;
    setUploading(true);
    try {
      onChange(assetRefFromUpload(await uploadAsset(file)));
    } catch (error) {
      setProblem(toFormError(error).message);
    } finally {
      setUploading(false);
    }
  }

  return (
    <div className="form-field asset-upload">
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {value && <AssetShown kind={kind} asset={value} />}
      <span className="asset-upload-actions">
        <input
          id={id}
          type="file"
          accept={acceptFor(kind)}
          disabled={disabled || uploading}
          data-testid={`upload-${field}`}
          onChange={(event) => {
            void choose(event.target.files?.[0]);
            event.target.value = ''; // choosing the same file again after fixing it should upload again
          }}
        />
        {optional && value && !disabled && (
          <button type="button" className="button button-small" onClick={() => onChange(null)}>
            移除
          </button>
        )}
      </span>
      {uploading && <span className="form-hint">正在上传…</span>}
      {hint && <span className="form-hint">{hint}</span>}
      {problem && (
        <p className="field-error" role="alert" data-testid="upload-error">
          {problem}
        </p>
      )}
      <FieldError details={details} field={field} />
    </div>
  );
}

function AssetShown({ kind, asset }: { kind: UploadKind; asset: AssetRef }) {
  if (kind === 'image') return <img className="asset-thumb" src={asset.url} alt="已上传的图片" />;
  return (
    <a className="asset-file" href={asset.url} target="_blank" rel="noreferrer">
      {asset.filename ?? '已上传的文件'}
      {asset.size !== undefined && ` · ${formatBytes(asset.size)}`}
    </a>
  );
}
