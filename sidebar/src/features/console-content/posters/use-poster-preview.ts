import { useEffect, useRef, useState } from 'react';

/**
 * The last rendered preview as an object URL. Each new PNG replaces the old URL, which is released (as is the
 * last one when the editor closes) so repeated previews do not pile up in memory.
 */
export function usePreviewImage() {
  const [url, setUrl] = useState<string | null>(null);
  const current = useRef<string | null>(null);

  useEffect(
    () => () => {
      if (current.current) URL.revokeObjectURL(current.current);
    },
    [],
  );

  function show(png: Blob | null) {
    if (current.current) URL.revokeObjectURL(current.current);
    current.current = png ? URL.createObjectURL(png) : null;
    setUrl(current.current);
  }

  return { url, show };
}
