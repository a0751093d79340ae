import { describe, expect, it } from 'vitest';
import { step } from '../../e2e/harness/step';

describe('a named step of a browser flow', () => {
  it('passes its value through, and names itself when it fails, keeping the cause', async () => {
    expect(await step('adds', async () => 1 + 1)).toBe(2);
    const timeout = new Error('timed out after 15000 ms waiting for the share window');
    const failed = await step('Skip leaves the post on Facebook only', async () => {
      throw timeout;
    }).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(Error);
    expect((failed as Error).message).toBe(
      'step "Skip leaves the post on Facebook only" failed: timed out after 15000 ms waiting for the share window',
    );
    expect((failed as Error).cause).toBe(timeout);
  });
});
