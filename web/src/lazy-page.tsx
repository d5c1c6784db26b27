import { Spin } from 'antd';
import { type ComponentType, lazy, Suspense } from 'react';

const spinner = <Spin style={{ display: 'block', margin: '64px auto' }} />;

/**
 * A component loaded when first shown (its own chunk): `lazyPage(() => import('./pages/x/XPage.tsx'), 'XPage')`
 * is used like the page itself, `<XPage />`, and shows a spinner while its code arrives.
 */
export function lazyPage<M, K extends keyof M & string>(load: () => Promise<M>, name: K): ComponentType {
  return lazyLayout<object, M, K>(load, name);
}

/** The same for a component with props (the app's and the portal's shells). */
export function lazyLayout<P extends object, M, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): ComponentType<P> {
  const Loaded = lazy(() => load().then((m) => ({ default: m[name] as ComponentType<P> })));
  // called once per page at module level (routes.tsx, main.tsx), never during a render: the component is stable
  // biome-ignore lint/correctness/noComponentHookFactories: a module-level factory, as React.lazy itself
  return function LazyComponent(props: P) {
    return (
      <Suspense fallback={spinner}>
        <Loaded {...props} />
      </Suspense>
    );
  };
}
