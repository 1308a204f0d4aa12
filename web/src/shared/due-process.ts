import { useEffect, useState } from 'react';
import type { DueProcessRules } from '../../../src/repairs/schemas.js';
import { api } from '../api/client';

let cached: Promise<DueProcessRules> | undefined;

/**
 * The working-day deadlines in force (GET /public/due-process): they are the deployment's configuration,
 * so the website never prints a figure of its own. Loaded once per page load; undefined until then.
 */
export function useDueProcess(): DueProcessRules['deadlines'] | undefined {
  const [rules, setRules] = useState<DueProcessRules | undefined>(undefined);
  useEffect(() => {
    let live = true;
    cached ??= api<DueProcessRules>('/public/due-process');
    cached.then(
      (loaded) => {
        if (live) setRules(loaded);
      },
      () => {
        // Try again on the next mount.
        cached = undefined;
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return rules?.deadlines;
}
