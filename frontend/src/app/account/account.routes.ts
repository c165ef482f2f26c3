import type { Routes } from '@angular/router';

export const ACCOUNT_ROUTES: Routes = [
  {
    path: '',
    title: 'Your account',
    loadComponent: () => import('./change-password-page').then((m) => m.ChangePasswordPage),
  },
];
