import type { Routes } from '@angular/router';

import { roleGuard, signedInGuard, signedOutGuard } from './auth/auth.guards';
import { ForbiddenPage } from './shell/forbidden-page';
import { NotFoundPage } from './shell/not-found-page';
import { Shell } from './shell/shell';

const adminsOnly = roleGuard('admin');

export const routes: Routes = [
  {
    path: 'sign-in',
    title: 'Sign in',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./auth/sign-in-page').then((m) => m.SignInPage),
  },
  {
    path: '',
    component: Shell,
    canActivate: [signedInGuard],
    canActivateChild: [signedInGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'home' },
      {
        path: 'home',
        title: 'Home',
        loadComponent: () => import('./home/home-page').then((m) => m.HomePage),
      },
      {
        path: 'account',
        loadChildren: () => import('./account/account.routes').then((m) => m.ACCOUNT_ROUTES),
      },
      {
        path: 'chat',
        loadChildren: () => import('./chat/chat.routes').then((m) => m.CHAT_ROUTES),
      },
      {
        path: 'tickets',
        loadChildren: () => import('./tickets/tickets.routes').then((m) => m.TICKETS_ROUTES),
      },
      {
        path: 'knowledge',
        canMatch: [adminsOnly],
        loadChildren: () => import('./knowledge/knowledge.routes').then((m) => m.KNOWLEDGE_ROUTES),
      },
      {
        path: 'bot',
        canMatch: [adminsOnly],
        loadChildren: () => import('./bot/bot.routes').then((m) => m.BOT_ROUTES),
      },
      {
        path: 'analytics',
        canMatch: [adminsOnly],
        loadChildren: () => import('./analytics/analytics.routes').then((m) => m.ANALYTICS_ROUTES),
      },
      {
        path: 'users',
        canMatch: [adminsOnly],
        loadChildren: () => import('./users/users.routes').then((m) => m.USERS_ROUTES),
      },
      {
        path: 'audit',
        canMatch: [adminsOnly],
        loadChildren: () => import('./audit/audit.routes').then((m) => m.AUDIT_ROUTES),
      },
      {
        path: 'operations',
        canMatch: [adminsOnly],
        loadChildren: () =>
          import('./operations/operations.routes').then((m) => m.OPERATIONS_ROUTES),
      },
      { path: 'status', redirectTo: 'operations' },
      { path: 'forbidden', title: 'No access', component: ForbiddenPage },
      { path: '**', title: 'Page not found', component: NotFoundPage },
    ],
  },
];
