type MaybeAsync<T> = T | Promise<T>;

/** The return type `@OnEvent` handlers must declare (the decorator's descriptor is invariant). */
export type EventHandled = MaybeAsync<void>;
