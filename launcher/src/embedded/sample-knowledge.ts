import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

import { seedKnowledgeBase } from '@deskpilot/gateway';
import type { Logger } from '@deskpilot/observability';
import type { RunningService } from '@deskpilot/runtime';

/** Hosting help articles that the embedded mode starts with, so chat has something to cite. */
export const SAMPLE_KNOWLEDGE_DIR = join(__dirname, '..', '..', 'assets', 'sample-knowledge');

/**
 * Seeds the sample knowledge base when there is no document yet. A failure is logged and does not
 * stop the start: the console can still upload documents.
 */
export async function seedSampleKnowledge(gateway: RunningService, logger: Logger): Promise<void> {
  try {
    const names = (await readdir(SAMPLE_KNOWLEDGE_DIR)).filter((name) => name.endsWith('.md'));
    const files = await Promise.all(
      names.sort().map(async (name) => ({
        buffer: await readFile(join(SAMPLE_KNOWLEDGE_DIR, name)),
        filename: name,
        contentType: 'text/markdown',
      })),
    );
    const added = await seedKnowledgeBase(gateway, files);
    if (added > 0) {
      logger.info({ documents: added }, 'Added the sample knowledge base');
    }
  } catch (error) {
    logger.warn({ err: String(error) }, 'The sample knowledge base could not be added');
  }
}
