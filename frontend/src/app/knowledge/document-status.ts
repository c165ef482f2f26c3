import type { DocumentStatus } from '@deskpilot/contracts';

import type { BadgeTone } from '../ui/status-badge';

export const STATUS_LABELS: Record<DocumentStatus, string> = {
  uploaded: 'Queued',
  extracting: 'Extracting',
  embedding: 'Embedding',
  indexed: 'Indexed',
  failed: 'Failed',
};

export const STATUS_TONES: Record<DocumentStatus, BadgeTone> = {
  uploaded: 'neutral',
  extracting: 'info',
  embedding: 'info',
  indexed: 'success',
  failed: 'danger',
};

export const STATUSES = Object.keys(STATUS_LABELS) as DocumentStatus[];
