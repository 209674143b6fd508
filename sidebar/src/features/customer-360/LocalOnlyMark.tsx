/** Beside a local-only tag, in the 360 and the picker: it lives in Zhike alone and never reaches WeCom. */
export function LocalOnlyMark() {
  return (
    <span className="c360-tag-sync c360-tag-local-mark" data-testid="tag-local-only" title="知客标签，不同步到企业微信">
      仅知客
    </span>
  );
}
