import { useState } from 'react';

/**
 * A round avatar: the image when there is one and it loads, else the first character of the name
 * (WeCom avatar URLs can expire or be blocked, and a broken image is worse than an initial).
 */
export function Avatar({ name, src, size = 32 }: { name: string; src?: string | undefined; size?: number }) {
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const style = { width: size, height: size };
  if (src && src !== failedSrc) return <img className="avatar" src={src} alt="" style={style} onError={() => setFailedSrc(src)} />;
  return (
    <span className="avatar avatar-letter" style={{ ...style, fontSize: size * 0.45 }} aria-hidden="true">
      {/* Array.from keeps an emoji or rare CJK character (a surrogate pair) whole. */}
      {Array.from(name.trim())[0] ?? '?'}
    </span>
  );
}
