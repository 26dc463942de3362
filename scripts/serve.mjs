#!/usr/bin/env node
// A dependency-free static file server for the demo (www/) and the browser tests.
//
//   node scripts/serve.mjs [--port N] [--root DIR] [--host H] [--csp] [--verbose]
//
// Port: --port, else $PORT, else 8080 (0 picks a free port). Root: --root, else www/.
// Binds 127.0.0.1 only. Serves .wasm as application/wasm, gzips text and wasm when the
// client accepts it (so transfer sizes are realistic), sends `Cache-Control: no-cache`
// (with ETags, so reloads revalidate), never lists directories, never leaves the root.
//
// --csp adds
//   Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval';
//                            style-src 'self'; report-uri /__csp-reports
// and records violation reports POSTed to /__csp-reports; GET /__csp-reports returns them
// as a JSON array, DELETE /__csp-reports clears them. (report-uri only, no report-to:
// Chromium prefers report-to when both are given and delivers those reports in delayed
// batches, while report-uri reports are sent at once, which is what tests need.)
//
// As a module:
//   import { startServer } from './scripts/serve.mjs';
//   const { url, close, reports } = await startServer({ root: 'www', port: 0, csp: true });

import { createServer } from 'node:http';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { gzip as gzipCb } from 'node:zlib';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const gzip = promisify(gzipCb);

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_ROOT = path.resolve(HERE, '..', 'www');
export const CSP_REPORT_PATH = '/__csp-reports';
export const CSP_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8', // .d.ts files, viewable as text
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

const COMPRESSIBLE = /^(text\/|application\/(json|wasm|xml|manifest\+json)|image\/svg\+xml)/;
const MAX_REPORT_BYTES = 64 * 1024;
const MAX_REPORTS = 1000;

function mimeType(file) {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function acceptsGzip(header) {
  if (!header) return false;
  for (const part of String(header).split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  }
  return false;
}

function isInside(root, file) {
  return file === root || file.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/**
 * Starts the server. Resolves once it listens.
 * @param {{root?: string, port?: number, host?: string, csp?: boolean, log?: (line: string) => void}} [options]
 * @returns {Promise<{url: string, origin: string, port: number, server: import('node:http').Server,
 *   reports: object[], close: () => Promise<void>}>}
 */
export async function startServer({ root = DEFAULT_ROOT, port = 0, host = '127.0.0.1', csp = false, log = () => {} } = {}) {
  const rootDir = await fs.realpath(path.resolve(root));
  if (!(await fs.stat(rootDir)).isDirectory()) throw new Error(`not a directory: ${rootDir}`);
  const reports = [];
  const gzipCache = new Map(); // file -> { key, body }

  const baseHeaders = () => {
    const h = { 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' };
    if (csp) h['Content-Security-Policy'] = `${CSP_POLICY}; report-uri ${CSP_REPORT_PATH}`;
    return h;
  };

  const send = (req, res, status, body, headers = {}) => {
    const buf = Buffer.from(body);
    res.writeHead(status, {
      ...baseHeaders(),
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': buf.length,
      ...headers,
    });
    res.end(req.method === 'HEAD' ? undefined : buf);
  };

  async function handleReports(req, res) {
    if (req.method === 'GET' || req.method === 'HEAD') {
      return send(req, res, 200, JSON.stringify(reports, null, 2), {
        'Content-Type': 'application/json; charset=utf-8',
      });
    }
    if (req.method === 'DELETE') {
      reports.length = 0;
      return send(req, res, 204, '');
    }
    if (req.method !== 'POST') return send(req, res, 405, '405 Method Not Allowed\n', { Allow: 'GET, POST, DELETE' });
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
      size += chunk.length;
      if (size > MAX_REPORT_BYTES) return send(req, res, 413, '413 Payload Too Large\n');
      chunks.push(chunk);
    }
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return send(req, res, 400, '400 Bad Request: not JSON\n');
    }
    // application/csp-report: { "csp-report": {...} }; application/reports+json: [{ type, body }, ...]
    const items = Array.isArray(body) ? body.map((r) => r?.body ?? r) : [body?.['csp-report'] ?? body];
    for (const item of items) {
      if (reports.length < MAX_REPORTS) reports.push({ receivedAt: new Date().toISOString(), ...item });
      log(`csp violation: ${JSON.stringify(item)}`);
    }
    return send(req, res, 204, '');
  }

  async function handle(req, res) {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return send(req, res, 400, '400 Bad Request\n');
    }
    if (pathname === CSP_REPORT_PATH) return handleReports(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(req, res, 405, '405 Method Not Allowed\n', { Allow: 'GET, HEAD' });
    }
    // No NUL bytes, no backslashes, no dot segments (.., hidden files such as pkg/.gitignore).
    const segments = pathname.split('/');
    if (pathname.includes('\0') || pathname.includes('\\') || segments.some((s) => s.startsWith('.'))) {
      return send(req, res, 404, '404 Not Found\n');
    }
    let file = path.join(rootDir, ...segments);
    if (!isInside(rootDir, file)) return send(req, res, 404, '404 Not Found\n');
    let stat;
    try {
      file = await fs.realpath(file); // a symlink must not lead out of the root either
      if (!isInside(rootDir, file)) return send(req, res, 404, '404 Not Found\n');
      stat = await fs.stat(file);
      if (stat.isDirectory()) {
        if (!pathname.endsWith('/')) {
          const u = new URL(req.url ?? '/', 'http://localhost');
          return send(req, res, 301, '', { Location: `${u.pathname}/${u.search}` });
        }
        file = path.join(file, 'index.html');
        stat = await fs.stat(file);
      }
      if (!stat.isFile()) return send(req, res, 404, '404 Not Found\n');
    } catch (err) {
      if (err.code === 'ENOENT' || err.code === 'ENOTDIR' || err.code === 'ELOOP') {
        return send(req, res, 404, '404 Not Found\n');
      }
      throw err;
    }

    const type = mimeType(file);
    const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    const headers = { ...baseHeaders(), 'Content-Type': type, ETag: etag };
    const compressible = COMPRESSIBLE.test(type);
    if (compressible) headers.Vary = 'Accept-Encoding';
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      return res.end();
    }
    let body = await fs.readFile(file);
    if (compressible && body.length > 0 && acceptsGzip(req.headers['accept-encoding'])) {
      const cached = gzipCache.get(file);
      if (cached && cached.etag === etag) {
        body = cached.body;
      } else {
        const zipped = await gzip(body);
        gzipCache.set(file, { etag, body: zipped });
        body = zipped;
      }
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = createServer((req, res) => {
    const t0 = Date.now();
    res.on('finish', () => log(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - t0}ms`));
    handle(req, res).catch((err) => {
      log(`error serving ${req.url}: ${err?.stack ?? err}`);
      if (!res.headersSent) send(req, res, 500, '500 Internal Server Error\n');
      else res.destroy();
    });
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = server.address().port;
  const origin = `http://${host}:${actualPort}`;
  return {
    url: `${origin}/`,
    origin,
    port: actualPort,
    server,
    reports,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections?.();
      }),
  };
}

function parseArgs(argv) {
  const opts = { csp: false, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--port':
        opts.port = value();
        break;
      case '--root':
        opts.root = value();
        break;
      case '--host':
        opts.host = value();
        break;
      case '--csp':
        opts.csp = true;
        break;
      case '--verbose':
        opts.verbose = true;
        break;
      case '-h':
      case '--help':
        opts.help = true;
        break;
      default:
        throw new Error(`unknown argument: ${arg}`);
    }
  }
  return opts;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`serve: ${err.message}\nusage: node scripts/serve.mjs [--port N] [--root DIR] [--host H] [--csp] [--verbose]`);
    process.exit(2);
  }
  if (opts.help) {
    console.log('usage: node scripts/serve.mjs [--port N] [--root DIR] [--host H] [--csp] [--verbose]');
    return;
  }
  const rawPort = opts.port ?? process.env.PORT ?? '8080';
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: bad port: ${rawPort}`);
    process.exit(2);
  }
  const root = path.resolve(opts.root ?? DEFAULT_ROOT);
  const log = (line) => {
    if (opts.verbose || line.startsWith('csp violation') || line.startsWith('error')) console.log(`serve: ${line}`);
  };
  let srv;
  try {
    srv = await startServer({ root, port, host: opts.host ?? '127.0.0.1', csp: opts.csp, log });
  } catch (err) {
    if (err.code === 'EADDRINUSE') console.error(`serve: port ${port} is in use; choose another with --port N`);
    else console.error(`serve: ${err.message}`);
    process.exit(1);
  }
  console.log(`serve: ${root}${opts.csp ? ' (with CSP)' : ''}`);
  console.log(`Serving on ${srv.url}  (Ctrl-C to stop)`);
  const stop = () => srv.close().finally(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const invokedAs = process.argv[1] ? await fs.realpath(process.argv[1]).catch(() => process.argv[1]) : '';
if (invokedAs === fileURLToPath(import.meta.url)) await main();
