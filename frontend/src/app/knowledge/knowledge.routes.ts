import type { Routes } from '@angular/router';

export const KNOWLEDGE_ROUTES: Routes = [
  {
    path: '',
    title: 'Knowledge base',
    loadComponent: () => import('./knowledge-page').then((m) => m.KnowledgePage),
  },
  {
    path: ':id',
    title: 'Document',
    loadComponent: () => import('./document-page').then((m) => m.DocumentPage),
  },
];
