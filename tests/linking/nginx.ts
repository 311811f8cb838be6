/**
 * A real nginx serving a built site under /peixun/ on 127.0.0.1, configured with
 * the very configuration docs/deploy.md gives (so the documentation is tested too).
 * Runs in the foreground (`daemon off`) as a child process; its pid, logs and
 * temporary files stay in a temporary folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { projectRoot, tempDir } from '../helpers/paths.ts';

const MIME_TYPES = '/etc/nginx/mime.types';

export function nginxBinary(): string {
  const candidates = [...(process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'nginx')), '/usr/sbin/nginx'];
  const found = candidates.find((file) => existsSync(file));
  if (!found || !existsSync(MIME_TYPES)) {
    throw new Error('nginx not found: install it with `apt-get install nginx` (as .ci/run does); the linking tests serve the site with it.');
  }
  return found;
}

/** The code blocks of docs/deploy.md, by language. */
export function deployDocBlocks(language: string): string[] {
  const text = readFileSync(path.join(projectRoot, 'docs/deploy.md'), 'utf8');
  return [...text.matchAll(new RegExp('^```' + language + '\\n([\\s\\S]*?)^```', 'gm'))].map((m) => m[1]);
}

/** The `http { }` part (maps) and the `server { }` part (location) of the documented configuration. */
export function documentedNginxConfig(): { http: string; server: string } {
  const blocks = deployDocBlocks('nginx');
  const http = blocks.find((b) => /^\s*map\s/m.test(b));
  const server = blocks.find((b) => /^\s*location\s+\/peixun\/\s*\{/m.test(b));
  if (!http || !server) throw new Error('docs/deploy.md lost its nginx blocks (a block with `map` and one with `location /peixun/ {`)');
  return { http, server };
}

export interface NginxServer {
  origin: string;
  /** The folder nginx serves as its root (holds the `peixun` link). */
  root: string;
  errorLog(): string;
  stop(): Promise<void>;
}

export interface NginxOptions {
  /** The built site to serve at /peixun/. */
  dist: string;
  /** The origin allowed to frame the embed pages, in place of the documented https://www.example.gov.cn. */
  embedAncestor: string;
}

export async function startNginx(options: NginxOptions): Promise<NginxServer> {
  const binary = nginxBinary();
  const dir = tempDir('lectern-nginx-');
  const root = path.join(dir, 'www');
  mkdirSync(root);
  // The documented atomic switch: a link made under a temporary name, then renamed over `peixun`.
  symlinkSync(options.dist, path.join(root, 'peixun.next'));
  renameSync(path.join(root, 'peixun.next'), path.join(root, 'peixun'));

  const { http, server } = documentedNginxConfig();
  const port = await freePort();
  const file = (name: string) => path.join(dir, name);
  // Workers of an nginx started as root run as `nobody`, who cannot read the private temporary folders.
  const user = process.getuid?.() === 0 ? `user ${os.userInfo().username};` : '';
  const config = `
daemon off;
worker_processes 1;
${user}
pid ${file('nginx.pid')};
error_log ${file('error.log')} warn;
events { worker_connections 64; }
http {
  include ${MIME_TYPES};
  default_type application/octet-stream;
  access_log ${file('access.log')};
  client_body_temp_path ${file('client_body')};
  proxy_temp_path ${file('proxy')};
  fastcgi_temp_path ${file('fastcgi')};
  uwsgi_temp_path ${file('uwsgi')};
  scgi_temp_path ${file('scgi')};
${http.replaceAll('https://www.example.gov.cn', options.embedAncestor)}
  server {
    listen 127.0.0.1:${port};
    server_name localhost;
${server.replace('root /srv/lectern/www;', `root ${root};`)}
  }
}
`;
  writeFileSync(file('nginx.conf'), config);
  const child = spawn(binary, ['-p', `${dir}/`, '-c', file('nginx.conf'), '-e', file('error.log')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const errorLog = () => (existsSync(file('error.log')) ? readFileSync(file('error.log'), 'utf8') : '');
  try {
    await waitForPort(port, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`nginx did not start: ${(error as Error).message}\n${output}\n${errorLog()}\nconfig:\n${config}`);
  }
  return {
    origin: `http://127.0.0.1:${port}`,
    root,
    errorLog,
    stop: () => stop(child),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with status ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('timed out waiting for the port');
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    // SIGQUIT: nginx's graceful shutdown of master and workers.
    child.kill('SIGQUIT');
  });
}
