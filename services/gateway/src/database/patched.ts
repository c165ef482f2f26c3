/** A copy of an entity with some fields changed, keeping its class (unlike a spread). */
export function patched<T extends object>(entity: T, change: Partial<T>): T {
  return Object.assign(Object.create(Object.getPrototypeOf(entity) as object) as T, entity, change);
}
