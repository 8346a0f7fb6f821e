// The browser suite's fixtures: a temp folder, an index of seeds/ built by the real vankho-indexer,
// the real vankho-searchd on a free port, a second origin (a tiny static server) for the widget,
// and Debian's Chromium driven by playwright-core. Everything started here is stopped by cleanup().
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

export const CHROMIUM = process.env.VANKHO_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--lang=vi-VN',
];

export function makeTempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'vankho-browser-'));
}

// `options`: more vankho-indexer options (e.g. --field mappings for a JSON-lines export).
export function buildIndex(indexer, seeds, indexDir, options = []) {
  const r = spawnSync(indexer, ['--index', indexDir, '--default-level', 'cong-khai', ...options, seeds],
    { encoding: 'utf8', timeout: 60000 });
  if (r.status !== 0) {
    throw new Error(`vankho-indexer failed (exit ${r.status}): ${r.stderr || r.error}`);
  }
  return r.stderr.trim();
}

// Starts vankho-searchd on 127.0.0.1:0 and resolves with {proc, base, port, stop()} once it has
// printed `listening on HOST:PORT` and built its first suggestions.
export async function startSearchd(binary, options) {
  const logFile = options.logFile;
  const logStart = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
  const searchd = await spawnSearchd(binary, options);
  // It serves at once and builds its first suggestions in the background: tests start once built.
  for (const deadline = Date.now() + 20000; Date.now() < deadline;) {
    if (fs.readFileSync(logFile).subarray(logStart).toString().includes('"event":"suggest_built"')) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return searchd;
}

function spawnSearchd(binary, { index, web, corsOrigins = [], logFile }) {
  const args = ['--index', index, '--listen', '127.0.0.1:0', '--web', web, '--threads', '4', '--keep-alive-max', '3'];
  for (const o of corsOrigins) args.push('--cors-origin', o);
  const log = fs.openSync(logFile, 'a');
  const proc = spawn(binary, args, { stdio: ['ignore', 'pipe', log] });
  let exited = false;
  const exit = new Promise((resolve) => proc.on('exit', (code, signal) => { exited = true; resolve({ code, signal }); }));
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('vankho-searchd did not print its address within 10 s')), 10000);
    const lines = readline.createInterface({ input: proc.stdout });
    lines.on('line', (line) => {
      const m = /listening on (\S+):(\d+)/.exec(line);
      if (!m) return;
      clearTimeout(timer);
      const port = Number(m[2]);
      resolve({
        proc, port, base: `http://127.0.0.1:${port}`,
        get running() { return !exited; },
        async stop() {
          if (exited) return exit;
          proc.kill('SIGTERM');
          const killer = setTimeout(() => proc.kill('SIGKILL'), 5000);
          const r = await exit;
          clearTimeout(killer);
          return r;
        },
      });
    });
    exit.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`vankho-searchd exited early (code ${code}, signal ${signal}); see ${logFile}`));
    });
  });
  return ready;
}

// A static server on another port: a second origin for the widget. `pages` maps a path to a
// function returning the HTML (so that it can name searchd's port, known only later).
export function startHostServer(pages) {
  const server = http.createServer((req, res) => {
    const make = pages[new URL(req.url, 'http://x').pathname];
    if (!make) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(make());
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ server, port, origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

export async function launchBrowser(chromium, profileDir) {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'vi-VN',
    timeout: 30000,
  });
}

// A tiny test runner: sequential, timed, "N passed, N failed" at the end.
export function createRunner() {
  const tests = [];
  return {
    test(name, fn) { tests.push({ name, fn }); },
    // `check()` runs after each test (and fails it when, say, the browser logged errors).
    async run(check) {
      let passed = 0;
      let failed = 0;
      for (const t of tests) {
        const started = Date.now();
        try {
          await t.fn();
          if (check) await check(t.name);
          passed++;
          console.log(`ok   ${t.name} (${Date.now() - started} ms)`);
        } catch (e) {
          failed++;
          console.log(`FAIL ${t.name} (${Date.now() - started} ms)\n     ${String((e && e.stack) || e).split('\n').slice(0, 6).join('\n     ')}`);
        }
      }
      return { passed, failed };
    },
  };
}

export function assert(cond, message) {
  if (!cond) throw new Error(`assertion failed: ${message}`);
}

export function assertEqual(actual, expected, message) {
  const a = JSON.stringify(actual);
  const b = JSON.stringify(expected);
  if (a !== b) throw new Error(`assertion failed: ${message}: expected ${b}, got ${a}`);
}
