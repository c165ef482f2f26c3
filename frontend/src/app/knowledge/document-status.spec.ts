import { describe, expect, it } from '@jest/globals';

import type { DocumentSummary, SearchLanguage } from '@deskpilot/contracts';

import { languageOutcome } from './document-status';

function documentIn(language: SearchLanguage | null): DocumentSummary {
  return {
    documentId: '0b9c7c0e-5d0a-4f57-9d3c-1f6f2a1e4b11',
    title: 'Domainumzug',
    originalFilename: 'domainumzug.md',
    declaredContentType: 'text/markdown',
    detectedType: 'markdown',
    sizeBytes: 120,
    sha256: 'a'.repeat(64),
    version: 1,
    status: 'uploaded',
    progress: 0,
    failureReason: null,
    chunkCount: 1,
    indexedVersion: 1,
    language,
    embedder: 'local:hash-v1',
    s3Key: 'documents/domainumzug.md',
    sourceUrl: null,
    sourceCheckedAt: null,
    sourceError: null,
    sourceFailingSince: null,
    uploadedBy: { id: 'u1', name: 'Ada' },
    createdAt: '2026-12-07T10:00:00.000Z',
    updatedAt: '2026-12-07T10:00:00.000Z',
    indexedAt: '2026-12-07T10:00:01.000Z',
  };
}

describe('languageOutcome', () => {
  it('should name the language a document will be searched in, or say it will be told', () => {
    expect(
      languageOutcome('Domainumzug', { outcome: 'changed', document: documentIn('german') }),
    ).toBe('Domainumzug will be searched in German; it is being indexed again');
    expect(languageOutcome('Domainumzug', { outcome: 'changed', document: documentIn(null) })).toBe(
      'Domainumzug: its language will be told from the document; it is being indexed again',
    );
  });

  it('should say when there was nothing to change', () => {
    expect(
      languageOutcome('Domainumzug', { outcome: 'unchanged', document: documentIn('dutch') }),
    ).toBe('Domainumzug: the language was already set so');
  });
});
