import type { Routes, UrlMatchResult, UrlSegment } from '@angular/router';

/**
 * `/chat` (a new conversation) and `/chat/<id>` share one route, so the page stays in place
 * when its first question creates the conversation and the answer is still streaming.
 */
function chatAddress(segments: UrlSegment[]): UrlMatchResult | null {
  if (segments.length === 0) {
    return { consumed: [] };
  }
  const [conversation] = segments;
  return segments.length === 1 && conversation !== undefined
    ? { consumed: segments, posParams: { conversationId: conversation } }
    : null;
}

export const CHAT_ROUTES: Routes = [
  {
    matcher: chatAddress,
    title: 'Chat',
    loadComponent: () => import('./chat-page').then((m) => m.ChatPage),
  },
];
