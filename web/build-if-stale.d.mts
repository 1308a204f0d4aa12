/** Whether web/dist is missing or older than any web source. */
export function isStale(): boolean;
/** Builds web/dist when stale (or always with force); resolves to whether it built. */
export function buildIfStale(options?: { force?: boolean; quiet?: boolean }): Promise<boolean>;
