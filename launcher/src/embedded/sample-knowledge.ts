import { access, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { knowledgeBaseSettled, seedKnowledgeBase } from '@deskpilot/gateway';
import type { Logger } from '@deskpilot/observability';
import type { RunningService } from '@deskpilot/runtime';

/** Hosting help articles that the embedded mode starts with, so chat has something to cite. */
export const SAMPLE_KNOWLEDGE_DIR = join(__dirname, '..', '..', 'assets', 'sample-knowledge');
/** How long a first start waits for the sample articles to be searchable. */
const SETTLE_TIMEOUT_MS = 60_000;

/**
 * Seeds the sample knowledge base on the first start of a data directory, when there is no
 * document yet, and waits until the articles are searchable, so that the first drafts and answers
 * are made from all of them. Later starts leave the knowledge base alone, so articles an
 * administrator deleted stay deleted. A failure is logged and does not stop the start (and is
 * tried again next start): the console can still upload documents.
 */
export async function seedSampleKnowledge(
  gateway: RunningService,
  dataDir: string,
  logger: Logger,
): Promise<void> {
  const marker = join(dataDir, 'launcher', 'sample-knowledge.done');
  if (await exists(marker)) {
    return;
  }
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
      const settled = await knowledgeBaseSettled(gateway, SETTLE_TIMEOUT_MS);
      logger.info({ documents: added, settled }, 'Added the sample knowledge base');
    }
    await mkdir(dirname(marker), { recursive: true });
    await writeFile(marker, `${new Date().toISOString()} ${added.toString()} documents\n`);
  } catch (error) {
    logger.warn({ err: String(error) }, 'The sample knowledge base could not be added');
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
