import type { Routes } from '@angular/router';

export const TICKETS_ROUTES: Routes = [
  {
    path: '',
    title: 'Tickets & drafts',
    loadComponent: () => import('./tickets-queue-page').then((m) => m.TicketsQueuePage),
  },
  {
    path: 'sent',
    title: 'Sent replies',
    loadComponent: () => import('./sent-replies-page').then((m) => m.SentRepliesPage),
  },
  {
    path: 'drafts/:draftId',
    title: 'Review draft',
    loadComponent: () => import('./draft-review-page').then((m) => m.DraftReviewPage),
  },
];
