import type { ScriptContent } from '@zhike/shared/scripts';
import { previewText, splitVariables } from './script-format';

/** The script's words as the customer will get them, variables shown as chips (the server fills them in). */
export function ScriptPreview({ content }: { content: ScriptContent }) {
  return (
    <p className="script-preview" data-testid="script-preview">
      {splitVariables(previewText(content)).map((segment, index) =>
        segment.kind === 'text' ? (
          <span key={index}>{segment.text}</span>
        ) : (
          <span key={index} className="script-variable" title="发送时按客户自动填入">
            {segment.name}
          </span>
        ),
      )}
    </p>
  );
}
