import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../src/transport/backoff';

describe('reconnection backoff', () => {
  it('grows from half a second and stays under the 30 s cap, with jitter', () => {
    expect(backoffDelay(1, () => 0.5)).toBe(500);
    expect(backoffDelay(3, () => 0.5)).toBe(2000);
    expect(backoffDelay(50, () => 0.5)).toBe(30_000);
    expect(backoffDelay(50, () => 1)).toBe(36_000);
    expect(backoffDelay(1, () => 0)).toBe(400);
  });
});
