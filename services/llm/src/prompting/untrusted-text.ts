/** Tags the prompt uses to fence off text; untrusted text must not be able to close them. */
const FENCE_TAG =
  /<(\/?\s*(?:passages?|question|ticket|thread|history|guidance|staff_notes|untrusted[\w-]*)\b[^>]*)>/giu;

/**
 * Makes untrusted text safe to put between the prompt's tags: any tag that could close or open
 * one of them is rewritten with look-alike angle brackets, so it reads the same but fences
 * nothing.
 */
export function neutraliseFences(text: string): string {
  return text.replace(FENCE_TAG, '‹$1›');
}

/** Wraps untrusted text in a tag, each on its own line. */
export function fence(tag: string, text: string): string {
  return `<${tag}>\n${neutraliseFences(text.trim())}\n</${tag}>`;
}
