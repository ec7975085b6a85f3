/**
 * The promise cached under `key` in `cache`, or `make()` cached there: a
 * failed promise is dropped (the next call tries again) and the oldest
 * entries go beyond `max`. Shared by the read caches of the queries.
 */
export function rememberPromise<T>(
  cache: Map<string, Promise<T>>,
  key: string,
  make: () => Promise<T>,
  max: number,
): Promise<T> {
  const hit = cache.get(key);
  if (hit) return hit;
  const value = make();
  cache.set(key, value);
  value.catch(() => cache.delete(key));
  while (cache.size > max) cache.delete(cache.keys().next().value as string);
  return value;
}
