/** Credits spent per API key, in USD, since the simulator started or was reset. */
export class KeyLedger {
  private readonly spent = new Map<string, number>();

  charge(apiKey: string, cost: number): void {
    this.spent.set(apiKey, (this.spent.get(apiKey) ?? 0) + cost);
  }

  usage(apiKey: string): number {
    return this.spent.get(apiKey) ?? 0;
  }

  clear(): void {
    this.spent.clear();
  }
}

/** Keys are shown the way OpenRouter labels them: the prefix and the last characters only. */
export function keyLabel(apiKey: string): string {
  return apiKey.length <= 12 ? apiKey : `${apiKey.slice(0, 9)}...${apiKey.slice(-3)}`;
}
