import type { Routes } from '@angular/router';

export const BOT_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./bot-page').then((m) => m.BotPage),
    children: [
      {
        path: '',
        title: 'Bot settings',
        loadComponent: () => import('./settings-page').then((m) => m.SettingsPage),
      },
      {
        path: 'playground',
        title: 'Playground',
        loadComponent: () => import('./playground-page').then((m) => m.PlaygroundPage),
      },
    ],
  },
];
