import { Injectable } from '@nestjs/common';

interface InjectionRule {
  readonly id: string;
  readonly pattern: RegExp;
}

/*
 * Phrases that address the model rather than the support team. A customer rarely writes them;
 * a prompt-injection attempt nearly always contains at least one.
 */
const RULES: readonly InjectionRule[] = [
  {
    id: 'ignore-instructions',
    pattern:
      /\b(?:ignore|disregard|forget|override|bypass|skip)\b[^.\n]{0,40}\b(?:previous|prior|above|earlier|all|any|your|the|system|these)\b[^.\n]{0,30}\b(?:instructions?|prompts?|rules?|directions?|guidelines?|context|messages?)\b/iu,
  },
  {
    id: 'new-instructions',
    pattern:
      /\b(?:new|updated|real|actual|following)\s+(?:instructions?|system prompt|rules)\s*:/iu,
  },
  {
    id: 'role-play',
    pattern:
      /\b(?:you are now|from now on,? you(?: are|'re| will)|act as (?:an? )?(?:different|unrestricted|new)|pretend (?:to be|you are)|roleplay as)\b/iu,
  },
  {
    id: 'prompt-extraction',
    pattern:
      /\b(?:reveal|show|print|repeat|output|tell me|leak|display)\b[^.\n]{0,30}\b(?:system prompt|your (?:instructions|prompt|rules)|hidden (?:instructions|prompt)|initial prompt)\b/iu,
  },
  {
    id: 'jailbreak',
    pattern: /\b(?:jailbreak|DAN mode|developer mode|god mode|do anything now)\b/iu,
  },
  {
    id: 'chat-markup',
    pattern:
      /<\|(?:im_start|im_end|system|user|assistant|endoftext)\|>|\[\/?INST\]|<<\/?SYS>>|^\s*#{1,3}\s*(?:system|assistant|instruction)s?\s*:?\s*$/imu,
  },
  {
    id: 'role-label',
    pattern: /^\s*(?:system|assistant|developer)\s*:/imu,
  },
  {
    id: 'delimiter-escape',
    pattern:
      /<\/?\s*(?:passages?|question|ticket|thread|untrusted[\w-]*|system|instructions?)\s*>/iu,
  },
  {
    id: 'model-directive',
    pattern:
      /\b(?:as an? (?:ai|language model|llm|assistant)|(?:ai|assistant|bot|model),? (?:you must|you should|please (?:ignore|approve|grant|issue)))\b/iu,
  },
  {
    id: 'hidden-action',
    pattern:
      /\b(?:approve|issue|grant|process)\b[^.\n]{0,30}\b(?:refund|credit|free|discount|admin access)\b[^.\n]{0,40}\b(?:without|no need to|do not|don't)\b[^.\n]{0,20}\b(?:check|verify|verification|ask|confirm)/iu,
  },
];

export interface InjectionReport {
  readonly suspected: boolean;
  /** Ids of the rules that matched, each once. */
  readonly signals: readonly string[];
}

/**
 * Flags text that reads like instructions to the model. Detection only informs the reviewer:
 * the prompt treats all such text as data whatever this says.
 */
@Injectable()
export class InjectionDetector {
  inspect(texts: readonly string[]): InjectionReport {
    const signals = RULES.filter((rule) => texts.some((text) => rule.pattern.test(text))).map(
      (rule) => rule.id,
    );
    return { suspected: signals.length > 0, signals };
  }
}
