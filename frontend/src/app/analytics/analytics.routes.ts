import type { Routes } from '@angular/router';
import { provideCharts, withDefaultRegisterables } from 'ng2-charts';

export const ANALYTICS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideCharts(withDefaultRegisterables())],
    children: [
      {
        path: '',
        title: 'Logs & analytics',
        loadComponent: () => import('./analytics-page').then((m) => m.AnalyticsPage),
      },
      {
        path: 'interactions/:id',
        title: 'Interaction',
        loadComponent: () => import('./interaction-page').then((m) => m.InteractionPage),
      },
    ],
  },
];
