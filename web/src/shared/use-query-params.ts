import { useSearchParams } from 'react-router';

/**
 * The page's query string as its filter state: `update` sets keys (an empty value removes one) and goes
 * back to page 1 unless the change is the page itself or `openKey` (the item whose drawer is open).
 */
export function useQueryParams(openKey?: string) {
  const [params, setParams] = useSearchParams();
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes) && !(openKey !== undefined && openKey in changes)) next.delete('page');
    setParams(next);
  };
  return [params, update] as const;
}
