import type { ErrorDetail } from '@zhike/shared/errors';
import { useId, useState } from 'react';
import { FieldError } from '../form/FieldError';

const MAX_KEYWORDS = 10;

/** Keywords as chips: Enter or a comma adds what was typed; they make the script easy to find in the sidebar. */
export function KeywordsField({ value, onChange, details }: { value: string[]; onChange: (next: string[]) => void; details: readonly ErrorDetail[] }) {
  const id = useId();
  const [typing, setTyping] = useState('');

  function add(raw: string) {
    const words = raw
      .split(/[,，、\s]+/)
      .map((word) => word.trim())
      .filter(Boolean);
    const next = [...value];
    for (const word of words) if (!next.includes(word)) next.push(word);
    onChange(next.slice(0, MAX_KEYWORDS));
    setTyping('');
  }

  return (
    <div className="form-field">
      <label className="form-label" htmlFor={id}>
        关键词
      </label>
      <div className="keyword-box">
        {value.map((word) => (
          <span key={word} className="keyword-chip">
            {word}
            <button type="button" aria-label={`删除关键词 ${word}`} onClick={() => onChange(value.filter((w) => w !== word))}>
              ×
            </button>
          </span>
        ))}
        <input
          id={id}
          className="keyword-input"
          value={typing}
          maxLength={20}
          disabled={value.length >= MAX_KEYWORDS}
          placeholder={value.length >= MAX_KEYWORDS ? '最多 10 个' : '输入后按回车'}
          onChange={(event) => (/[,，、]/.test(event.target.value) ? add(event.target.value) : setTyping(event.target.value))}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault(); // Enter adds a keyword; it must not submit the form
              add(typing);
            }
          }}
          onBlur={() => typing && add(typing)}
        />
      </div>
      <FieldError details={details} field="body.keywords" nested />
    </div>
  );
}
