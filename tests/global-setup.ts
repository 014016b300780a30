/**
 * Vitest global setup: builds the browser client once, so browser tests load the current code.
 */
import { ensureClientBuilt } from '../server/client-build';

export default async function setup(): Promise<void> {
  await ensureClientBuilt();
}
