/**
 * Runs Firefox inside a NAT lab home while Puppeteer drives it from the host namespace.
 * Firefox's WebDriver BiDi listens on the namespace's own loopback, which the host cannot
 * reach, and a home must have no second interface (the browser would gather candidates on
 * it). So the socket is carried over a Unix socket (the filesystem is shared):
 *   host 127.0.0.1:P ──► unix socket ──► (in the home) 127.0.0.1:P ──► Firefox
 * Firefox then prints "WebDriver BiDi listening on ws://127.0.0.1:P", which is right on
 * both sides. Usage, as the executable Puppeteer launches (via netnsLauncher):
 *   firefox-launcher.ts NETNS SOCKET FIREFOX [firefox args…]
 *   firefox-launcher.ts --bridge SOCKET PORT      (the home's side, run by the first form)
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';

function pipeBoth(a: Socket, b: Socket): void {
  a.pipe(b);
  b.pipe(a);
  a.on('error', () => b.destroy());
  b.on('error', () => a.destroy());
}

const listening = (server: Server, ...at: [number, string] | [string]) =>
  new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(...(at as [number, string]), () => resolve());
  });

async function bridgeInHome(socketPath: string, port: number): Promise<void> {
  rmSync(socketPath, { force: true });
  const server = createServer((from) =>
    pipeBoth(from, createConnection({ host: '127.0.0.1', port })),
  );
  await listening(server, socketPath);
  process.stdout.write('ready\n');
}

async function launch(netns: string, socketPath: string, firefox: string, args: string[]) {
  const host = createServer((from) => pipeBoth(from, createConnection(socketPath)));
  await listening(host, 0, '127.0.0.1');
  const address = host.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const self = process.argv[1] ?? '';
  const bridge = spawn(
    'ip',
    [
      'netns',
      'exec',
      netns,
      process.execPath,
      ...process.execArgv,
      self,
      '--bridge',
      socketPath,
      String(port),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve) => bridge.stdout.once('data', () => resolve()));
  const portArgs = args.map((a) =>
    a.startsWith('--remote-debugging-port=') ? `--remote-debugging-port=${port}` : a,
  );
  const browser = spawn('ip', ['netns', 'exec', netns, firefox, ...portArgs], { stdio: 'inherit' });
  const end = () => {
    bridge.kill();
    host.close();
    rmSync(socketPath, { force: true });
  };
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const)
    process.on(signal, () => browser.kill(signal));
  browser.on('exit', (code, signal) => {
    end();
    process.exit(code ?? (signal ? 1 : 0));
  });
}

const [first, ...rest] = process.argv.slice(2);
if (first === '--bridge') await bridgeInHome(rest[0] ?? '', Number(rest[1]));
else await launch(first ?? '', rest[0] ?? '', rest[1] ?? '', rest.slice(2));
