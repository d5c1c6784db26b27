/**
 * A service made of use-case functions: each is a plain module-level function `(core, ...args)`
 * (short, testable, in the file of its use case) and the service binds them to one core — the
 * dependencies and shared helpers — so routes call `service.fn(...args)` as before.
 *
 *   async function publish(core: AssessmentCore, actor: Actor, id: number) { … }
 *   export function createLifecycle(core: AssessmentCore) { return bindUseCases(core, { publish }); }
 */
// biome-ignore lint/suspicious/noExplicitAny: any argument list; each function's own types are kept below
type UseCase<C> = (core: C, ...args: any[]) => unknown;

export type Bound<C, T extends Record<string, UseCase<C>>> = {
  [K in keyof T]: T[K] extends (core: C, ...args: infer A) => infer R ? (...args: A) => R : never;
};

export function bindUseCases<C, T extends Record<string, UseCase<C>>>(core: C, useCases: T): Bound<C, T> {
  const bound: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(useCases)) bound[name] = (...args: unknown[]) => fn(core, ...args);
  return bound as Bound<C, T>;
}
