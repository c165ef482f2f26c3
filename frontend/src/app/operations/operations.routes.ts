import type { Routes } from '@angular/router';

export const OPERATIONS_ROUTES: Routes = [
  {
    path: '',
    title: 'Operations',
    loadComponent: () => import('./operations-page').then((m) => m.OperationsPage),
  },
];
