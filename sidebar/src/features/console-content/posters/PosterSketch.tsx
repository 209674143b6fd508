import type { LayerDraft, PosterDraft } from './poster-draft';

const LABELS: Record<LayerDraft['type'], string> = { text: '文字', image: '图片', qr: '码' };

/**
 * Where the layers sit, drawn at once as the numbers are typed (the rendered preview needs a round trip):
 * boxes over the background, to scale. Text boxes are approximate — the server wraps and measures real glyphs.
 */
export function PosterSketch({ draft }: { draft: PosterDraft }) {
  const width = Number(draft.width);
  const height = Number(draft.height);
  if (!(width > 0 && height > 0)) return null;
  const pct = (value: string, of: number) => `${(Number(value) / of) * 100}%`;
  return (
    <div className="poster-sketch" style={{ aspectRatio: `${width} / ${height}` }} aria-label="图层位置示意" role="img">
      {draft.background && <img className="poster-sketch-bg" src={draft.background.url} alt="" />}
      {draft.layers.map((layer, index) => {
        const box = sketchBox(layer);
        // Centred or right-aligned text hangs from x the way canvas textAlign does.
        const shift = layer.type === 'text' ? { left: 0, center: 0.5, right: 1 }[layer.align] * Number(box.width) : 0;
        return (
          <span key={layer.key} className={`poster-sketch-box poster-sketch-${layer.type}`} style={{ left: pct(String(Number(layer.x) - shift), width), top: pct(layer.y, height), width: pct(box.width, width), height: pct(box.height, height) }}>
            {index + 1} {LABELS[layer.type]}
          </span>
        );
      })}
    </div>
  );
}

function sketchBox(layer: LayerDraft): { width: string; height: string } {
  switch (layer.type) {
    case 'qr':
      return { width: layer.size, height: layer.size };
    case 'image':
      return { width: layer.width, height: layer.height };
    case 'text': {
      // One line of the text at its size, or the wrap width when set: enough to see where it goes.
      const size = Number(layer.fontSize) || 12;
      const natural = Math.min(layer.text.length * size, 2500);
      return { width: String(layer.maxWidth.trim() ? Math.min(Number(layer.maxWidth), natural) : natural), height: String(size * 1.3) };
    }
  }
}
