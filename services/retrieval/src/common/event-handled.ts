type MaybeAsync<T> = T | Promise<T>;

/** The return type `@OnEvent` handlers declare (the decorator's descriptor type is invariant). */
export type EventHandled = MaybeAsync<void>;
