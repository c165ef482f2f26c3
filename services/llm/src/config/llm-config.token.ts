/** Injection token of the llm service's validated configuration. */
export const LLM_CONFIG = Symbol('LLM_CONFIG');
