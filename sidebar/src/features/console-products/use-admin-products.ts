import { useCallback, useEffect, useState } from 'react';
import type { Loaded } from '../../lib/use-loaded';
import { toFormError } from '../console-content/form/form-error';
import { listAdminProducts, setProductOnSale, type AdminProduct } from './products.api';

/**
 * The product list, kept in step with edits: a saved product replaces its row (or joins the list) without a
 * reload, and the on/off-sale switch sends only the flag.
 */
export function useAdminProducts() {
  const [state, setState] = useState<Loaded<AdminProduct[]> & { forbidden?: boolean }>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [switching, setSwitching] = useState<ReadonlySet<string>>(new Set());
  const [switchError, setSwitchError] = useState<{ productId: string; message: string } | null>(null);

  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    listAdminProducts().then(
      (value) => live && setState({ kind: 'ready', value }),
      (error: unknown) => {
        const failure = toFormError(error);
        if (live) setState({ kind: 'failed', message: failure.message, forbidden: failure.forbidden });
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const replace = useCallback((product: AdminProduct) => {
    setState((current) => {
      if (current.kind !== 'ready') return current;
      const known = current.value.some((item) => item.id === product.id);
      return { kind: 'ready', value: known ? current.value.map((item) => (item.id === product.id ? product : item)) : [product, ...current.value] };
    });
  }, []);

  const toggleSale = useCallback(
    async (product: AdminProduct) => {
      setSwitchError(null);
      setSwitching((ids) => new Set(ids).add(product.id));
      try {
        replace(await setProductOnSale(product.id, !product.onSale));
      } catch (error) {
        setSwitchError({ productId: product.id, message: `${product.onSale ? '下架' : '上架'}失败：${toFormError(error).message}` });
      } finally {
        setSwitching((ids) => {
          const next = new Set(ids);
          next.delete(product.id);
          return next;
        });
      }
    },
    [replace],
  );

  return { state, retry: useCallback(() => setAttempt((n) => n + 1), []), replace, toggleSale, switching, switchError };
}
