/** A round avatar: the image when there is one, else the first character of the name. */
export function Avatar({ name, src, size = 32 }: { name: string; src?: string | undefined; size?: number }) {
  const style = { width: size, height: size };
  if (src) return <img className="avatar" src={src} alt="" style={style} />;
  return (
    <span className="avatar avatar-letter" style={{ ...style, fontSize: size * 0.45 }} aria-hidden="true">
      {name.slice(0, 1)}
    </span>
  );
}
