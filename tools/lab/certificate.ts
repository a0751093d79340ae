/**
 * A throwaway certificate authority and a server certificate signed by it (openssl), for
 * tests and the NAT lab that need TLS: the tracker's wss://, coturn's turns:.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LabCertificate {
  caFile: string;
  ca: string;
  certFile: string;
  keyFile: string;
}

/** Writes ca.pem, cert.pem and key.pem into `dir`; the certificate names `hosts` (IPs or DNS). */
export function makeCertificate(dir: string, hosts: string[]): LabCertificate {
  const file = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  /** A new P-256 key and a request (or, with -x509, a self-signed certificate) for it. */
  const newKey = (keyFile: string, outFile: string, subject: string, ...extra: string[]) =>
    openssl(
      'req',
      ...extra,
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      outFile,
      '-subj',
      subject,
    );
  newKey(file('ca-key.pem'), file('ca.pem'), '/CN=Murmur lab CA', '-x509', '-days', '2');
  newKey(file('key.pem'), file('req.pem'), `/CN=${hosts[0]}`);
  const names = hosts.map((h) => (/^[\d.]+$|:/.test(h) ? `IP:${h}` : `DNS:${h}`)).join(',');
  writeFileSync(file('ext.cnf'), `subjectAltName=${names}\n`);
  openssl(
    'x509',
    '-req',
    '-in',
    file('req.pem'),
    '-CA',
    file('ca.pem'),
    '-CAkey',
    file('ca-key.pem'),
    '-CAcreateserial',
    '-out',
    file('cert.pem'),
    '-days',
    '2',
    '-extfile',
    file('ext.cnf'),
  );
  return {
    caFile: file('ca.pem'),
    ca: readFileSync(file('ca.pem'), 'utf8'),
    certFile: file('cert.pem'),
    keyFile: file('key.pem'),
  };
}
