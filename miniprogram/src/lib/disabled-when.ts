/**
 * `{...disabledWhen(x)}` on a Taro Button. Taro's H5 button writes `disabled="false"` into the DOM for
 * `disabled={false}`, and its `[disabled]` styles then grey the button out; so pass it only when true.
 */
export function disabledWhen(disabled: boolean): { disabled?: true } {
  return disabled ? { disabled: true } : {};
}
