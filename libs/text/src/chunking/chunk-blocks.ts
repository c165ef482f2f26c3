import type { Block } from '../blocks/block';
import { blockUnits } from './block-units';
import type { Chunk, ChunkOptions } from './chunk';
import { ChunkAssembler } from './chunk-assembler';

/**
 * Splits a document's blocks into chunks of at most `maxTokens` estimated tokens. Every heading
 * starts a new chunk and updates the heading path; body blocks are packed whole while they fit;
 * a block larger than the budget is split at sentences (lines for lists, tables and code), then
 * at words; consecutive chunks of one section share up to `overlapTokens` of trailing sentences.
 * Deterministic; never returns empty chunks.
 * @throws RangeError when `maxTokens` is not a positive integer or `overlapTokens` is negative
 * or not below `maxTokens`.
 */
export function chunkBlocks(blocks: readonly Block[], options: ChunkOptions): Chunk[] {
  const { maxTokens, overlapTokens } = options;
  if (!Number.isInteger(maxTokens) || maxTokens < 1) {
    throw new RangeError(`maxTokens must be a positive integer, got ${maxTokens}`);
  }
  if (!Number.isInteger(overlapTokens) || overlapTokens < 0 || overlapTokens >= maxTokens) {
    throw new RangeError(
      `overlapTokens must be an integer in [0, maxTokens), got ${overlapTokens}`,
    );
  }
  const title = normalise(options.title ?? '');
  const assembler = new ChunkAssembler(maxTokens, overlapTokens);
  const path: { level: number; text: string }[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading') {
      while (path.length > 0 && (path[path.length - 1]?.level ?? 0) >= block.level) {
        path.pop();
      }
      const text = block.text.trim();
      if (text.length > 0 && !(path.length === 0 && normalise(text) === title)) {
        path.push({ level: block.level, text });
      }
      assembler.startSection(path.map((heading) => heading.text));
    } else {
      for (const unit of blockUnits(block, maxTokens)) {
        assembler.add(unit);
      }
    }
  }
  return assembler.finish();
}

function normalise(text: string): string {
  return text.replace(/\s+/gu, ' ').trim().toLowerCase();
}
