export default async function globalTeardown(): Promise<void> {
  await globalThis.deskpilotE2eTeardown?.();
}
