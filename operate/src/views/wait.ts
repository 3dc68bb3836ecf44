/**
 * The read side is eventually consistent (exported asynchronously), so after a command the UI
 * waits until the search answers reflect it before re-rendering, instead of showing stale data.
 */
export async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000, intervalMs = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
