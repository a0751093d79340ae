/**
 * The flags Node runs the home with: the bundle's first line carries them (so the `murmur-node`
 * bin, `npm run home` and the systemd unit all get them), and tests and benchmarks that start
 * the bundle pass them too.
 *
 * V8 lets its young generation grow to 32 MiB by default: headroom a browser tab has, and a
 * Raspberry Pi does not. With 1 MiB semi-spaces a home with 100 friends connected went from
 * 154–168 MB resident to 128–134 MB (bench:home); the home is mostly idle, and the extra
 * scavenges did not show in its catch-up time. Set at start-up only: V8 ignores the flag later.
 */
export const HOME_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=1'];
