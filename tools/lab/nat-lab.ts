/**
 * A hermetic NAT lab on this machine (shared/NAT-LAB.md): an "internet" namespace whose bridge
 * holds the server address (tracker, coturn) and every router's WAN side, all on the
 * documentation range 203.0.113.0/24; behind each router namespace a home namespace on its own
 * private /24, where a browser runs. Routers:
 *   ordinary     masquerade: endpoint-independent mapping, address-and-port-dependent filtering
 *   full-cone    the same, and inbound UDP to the mapped port reaches the home host
 *   symmetric    masquerade fully-random: a new external port per destination
 *   udp-blocked  ordinary, and no UDP leaves the home (TURN over TCP or TLS only)
 * Made by `createNatLab`, removed by `destroy()` (also for whatever a failed creation left).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

export type RouterKind = 'ordinary' | 'full-cone' | 'symmetric' | 'udp-blocked';

export interface LabHome {
  name: string;
  kind: RouterKind;
  /** The namespace the browser runs in. */
  netns: string;
  router: string;
  lanIp: string;
  wanIp: string;
}

export interface NatLab {
  internet: string;
  serverIp: string;
  homes: Map<string, LabHome>;
  destroy(): void;
}

export const SERVER_IP = '203.0.113.10';
const MAX_HOMES = 8;

function sh(command: string, args: string[], input?: string): void {
  const out = spawnSync(command, args, { encoding: 'utf8', input });
  if (out.status !== 0)
    throw new Error(`${command} ${args.join(' ')}: ${out.stderr.trim() || `exit ${out.status}`}`);
}

const ip = (...args: string[]) => sh('ip', args);

function routerRules(kind: RouterKind, homeIp: string): string {
  const masquerade = kind === 'symmetric' ? 'masquerade random,fully-random' : 'masquerade';
  const fullCone =
    kind === 'full-cone'
      ? `iifname "wan" meta l4proto udp udp dport 1024-65535 dnat ip to ${homeIp}`
      : '';
  const blockUdp = kind === 'udp-blocked' ? 'oifname "wan" meta l4proto udp drop' : '';
  // Without the input rule a peer's early check to the router's mapped port makes conntrack
  // confirm an entry that steals the home's mapping: cone would behave as symmetric (NAT-LAB.md).
  return [
    'table ip nat {',
    '  chain prerouting {',
    '    type nat hook prerouting priority -100;',
    `    ${fullCone}`,
    '  }',
    '  chain postrouting {',
    '    type nat hook postrouting priority 100;',
    `    oifname "wan" ${masquerade}`,
    '  }',
    '}',
    'table inet filter {',
    '  chain input {',
    '    type filter hook input priority 0;',
    '    iifname "wan" ct state new drop',
    '  }',
    '  chain forward {',
    '    type filter hook forward priority 0;',
    `    ${blockUdp}`,
    '    iifname "wan" ct status dnat accept',
    '    iifname "wan" ct state new drop',
    '  }',
    '}',
    '',
  ].join('\n');
}

export function createNatLab(homes: { name: string; kind: RouterKind }[]): NatLab {
  if (homes.length > MAX_HOMES) throw new RangeError(`at most ${MAX_HOMES} homes`);
  const prefix = `mm${randomBytes(2).toString('hex')}`;
  const internet = `${prefix}-inet`;
  const made: string[] = [];
  const lab: NatLab = {
    internet,
    serverIp: SERVER_IP,
    homes: new Map(),
    destroy: () => {
      // Whatever still runs in the lab (a browser a failed test left) goes with it.
      for (const ns of made) {
        const pids = spawnSync('ip', ['netns', 'pids', ns], { encoding: 'utf8' }).stdout;
        for (const pid of pids.split('\n').filter(Boolean)) spawnSync('kill', ['-9', pid]);
      }
      for (const ns of made.reverse()) spawnSync('ip', ['netns', 'delete', ns]);
      made.length = 0;
    },
  };
  const netns = (name: string) => {
    ip('netns', 'add', name);
    made.push(name);
    ip('-n', name, 'link', 'set', 'lo', 'up');
  };
  /** A veth pair from namespace a (named aName) to b (bName), made in one step. */
  const veth = (a: string, aName: string, b: string, bName: string) =>
    ip('link', 'add', aName, 'netns', a, 'type', 'veth', 'peer', 'name', bName, 'netns', b);
  try {
    netns(internet);
    ip('-n', internet, 'link', 'add', 'br0', 'type', 'bridge');
    ip('-n', internet, 'addr', 'add', `${SERVER_IP}/24`, 'dev', 'br0');
    ip('-n', internet, 'link', 'set', 'br0', 'up');
    // The real internet silently drops packets to private addresses; without a route here
    // coturn's sendto() to a friend's host candidate fails at once and coturn ends the whole
    // allocation, killing a relayed path seconds after it opened.
    ip('-n', internet, 'route', 'add', 'default', 'dev', 'br0');
    homes.forEach((home, i) => {
      const router = `${prefix}-r${i}`;
      const netnsHome = `${prefix}-h${i}`;
      const wanIp = `203.0.113.${20 + i}`;
      const lanIp = `10.${i + 1}.0.2`;
      netns(router);
      netns(netnsHome);
      veth(router, 'wan', internet, `port${i}`);
      ip('-n', internet, 'link', 'set', `port${i}`, 'master', 'br0', 'up');
      ip('-n', router, 'addr', 'add', `${wanIp}/24`, 'dev', 'wan');
      ip('-n', router, 'link', 'set', 'wan', 'up');
      veth(router, 'lan', netnsHome, 'eth0');
      ip('-n', router, 'addr', 'add', `10.${i + 1}.0.1/24`, 'dev', 'lan');
      ip('-n', router, 'link', 'set', 'lan', 'up');
      ip('-n', netnsHome, 'addr', 'add', `${lanIp}/24`, 'dev', 'eth0');
      ip('-n', netnsHome, 'link', 'set', 'eth0', 'up');
      ip('-n', netnsHome, 'route', 'add', 'default', 'via', `10.${i + 1}.0.1`);
      sh('ip', ['netns', 'exec', router, 'sysctl', '-qw', 'net.ipv4.ip_forward=1']);
      sh('ip', ['netns', 'exec', router, 'nft', '-f', '-'], routerRules(home.kind, lanIp));
      lab.homes.set(home.name, { ...home, netns: netnsHome, router, lanIp, wanIp });
    });
  } catch (error) {
    lab.destroy();
    throw error;
  }
  return lab;
}
