import type {
  DocumentLanguageResponse,
  DocumentReplaceResponse,
  DocumentSource,
  DocumentStatus,
} from '@deskpilot/contracts';

import { languageName } from '../ui/language-names';
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

export const SOURCE_LABELS: Record<DocumentSource, string> = {
  upload: 'Uploaded files',
  web: 'Web pages',
  'web-failing': 'Pages not answering',
};

export const SOURCES = Object.keys(SOURCE_LABELS) as DocumentSource[];

/** What refreshing a web document from its address did, after the document's title. */
export function refreshOutcome(title: string, response: DocumentReplaceResponse): string {
  switch (response.outcome) {
    case 'replaced':
      return `${title}: the page changed; version ${response.document.version} is being indexed`;
    case 'unchanged':
      return `${title}: the page has not changed`;
    case 'duplicate':
      return `${title}: the page now has the content of "${response.document.title}"`;
  }
}

/** What setting a document's search language did, after the document's title. */
export function languageOutcome(title: string, response: DocumentLanguageResponse): string {
  const { language } = response.document;
  if (response.outcome === 'unchanged') {
    return `${title}: the language was already set so`;
  }
  return language === null
    ? `${title}: its language will be told from the document; it is being indexed again`
    : `${title} will be searched in ${languageName(language)}; it is being indexed again`;
}
