import { DestroyRef, inject } from '@angular/core';

/**
 * Calls `refresh` every `intervalMs` while the tab is visible, and once more when it becomes
 * visible again. Create it in a field initialiser; it stops with the component.
 */
export function autoRefresh(intervalMs: number, refresh: () => void): void {
  const timer = setInterval(() => {
    if (document.visibilityState === 'visible') {
      refresh();
    }
  }, intervalMs);
  const onVisible = (): void => {
    if (document.visibilityState === 'visible') {
      refresh();
    }
  };
  document.addEventListener('visibilitychange', onVisible);
  inject(DestroyRef).onDestroy(() => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisible);
  });
}
