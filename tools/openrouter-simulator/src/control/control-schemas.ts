import { z } from 'zod';

import type { CannedAnswerRule } from '../answers/canned-answer-book';
import type { SimulatorSettings } from '../server/simulator-options';

const ms = z.number().int().nonnegative();

export const settingsPatchSchema: z.ZodType<Partial<SimulatorSettings>> = z.strictObject({
  tokenDelayMs: ms.optional(),
  firstTokenDelayMs: ms.optional(),
  processingComments: z.number().int().min(0).max(100).optional(),
  generationStatsDelayMs: ms.optional(),
  answerMode: z.enum(['grounded', 'echo']).optional(),
  creditLimit: z.number().nonnegative().nullable().optional(),
  base64Embeddings: z.boolean().optional(),
});

export const cannedRuleSchema: z.ZodType<CannedAnswerRule> = z.strictObject({
  answer: z.string(),
  contains: z.string().optional(),
  pattern: z.string().optional(),
  model: z.string().optional(),
  times: z.number().int().positive().optional(),
});
