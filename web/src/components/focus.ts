// Moves focus to a heading after a screen change, so keyboard and screen-reader users start there.
import { useLayoutEffect, type MutableRef } from 'preact/hooks';

export function useFocusWhen(ref: MutableRef<HTMLElement | null>, when: boolean): void {
  // A layout effect: focus moves in the same task as the render, before anything else can run.
  useLayoutEffect(() => {
    if (when) ref.current?.focus();
    // Only on mount: later re-renders must not pull focus away from where the user is.
  }, []);
}
