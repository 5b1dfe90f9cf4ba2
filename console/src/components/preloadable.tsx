// A lazily loaded page that can be fetched ahead of its first render. Once preload() has
// resolved, the page renders without suspending: a first render that already has the page's
// code commits once, instead of committing a fallback and revealing the page later (React holds
// a reveal for up to 300 ms after a fallback was shown).
import { lazy, type ComponentType } from 'react';

export function preloadable<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const preload = () =>
    (loading ??= load().then((module) => {
      loaded = module.default;
      return module;
    }));
  const Suspending = lazy(preload);
  function Page(props: P) {
    const Component = loaded ?? Suspending;
    return <Component {...props} />;
  }
  return { Page, preload };
}
