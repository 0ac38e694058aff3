#!/usr/bin/env node
/**
 * `npm start` (SPEC §9): builds in development mode and serves
 *   - the preview page over plain http on 127.0.0.1 (port 3001, or the next free one), for every
 *     machine with or without Excel; its full URL is printed on a line of its own;
 *   - the task pane for Excel over https://localhost:3000 (the manifest's address), when the Office
 *     development certificates exist or can be made without asking anything.
 * Making certificates never prompts and never blocks: it is not tried under CI, only tried where it
 * needs no password (a child process without a terminal, with a time limit), and when it cannot be
 * done the preview is served all the same, with the command that makes them.
 *
 *   node scripts/start.js [--preview-port N] [--no-https]      (PREVIEW_PORT=N works too)
 *
 * One webpack compilation feeds both: the https server forwards to the http one, websockets
 * included, so that a change reloads the task pane in Excel and the preview alike.
 */
'use strict';

const fs = require('fs');
const http = require('http');
const https = require('https');
const net = require('net');
const path = require('path');
const { spawn, spawnSync } = require('child_process');
const webpack = require('webpack');
const WebpackDevServer = require('webpack-dev-server');
const { createConfig, officeDevCertificates } = require('../webpack.config.js');

const ROOT = path.join(__dirname, '..');
const TASKPANE_PORT = 3000;
const DEFAULT_PREVIEW_PORT = 3001;
const LOOPBACK = '127.0.0.1';
const MAKE_CERTIFICATES_TIMEOUT_MS = 120000;
const HOW_TO_MAKE_CERTIFICATES = 'npx office-addin-dev-certs install';

function parseArgs(argv) {
  const args = { previewPort: Number(process.env.PREVIEW_PORT) || DEFAULT_PREVIEW_PORT, https: true };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--no-https') args.https = false;
    else if (argv[i] === '--preview-port') args.previewPort = Number(argv[++i]);
    else throw new Error(`unknown option ${argv[i]} (options: --preview-port N, --no-https)`);
  }
  if (!Number.isInteger(args.previewPort) || args.previewPort <= 0 || args.previewPort > 65535) {
    throw new Error('--preview-port must be a port number');
  }
  return args;
}

function canListen(port, host) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

async function firstFreePort(from, host) {
  for (let port = from; port < from + 50 && port <= 65535; port++) {
    if (await canListen(port, host)) return port;
  }
  throw new Error(`no free port from ${from} to ${from + 49} on ${host}`);
}

/**
 * True where office-addin-dev-certs can trust its certificate authority without asking: on Linux
 * its install script runs `sudo`, which asks nothing when `sudo -n` succeeds. On Windows and macOS
 * installing a certificate authority always shows a dialog or asks for a password.
 */
function canMakeCertificatesSilently() {
  if (process.platform !== 'linux') return false;
  const probe = spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore', timeout: 5000 });
  return probe.status === 0;
}

/** Runs office-addin-dev-certs in its own session (no terminal to prompt on), within a time limit. */
function makeCertificates() {
  const script =
    "require('office-addin-dev-certs').ensureCertificatesAreInstalled()" +
    '.then(() => process.exit(0), (e) => { console.error(e.message); process.exit(1); });';
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', script], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (data) => (output += data));
    child.stderr.on('data', (data) => (output += data));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      resolve({ ok: false, detail: `gave up after ${MAKE_CERTIFICATES_TIMEOUT_MS / 1000} s` });
    }, MAKE_CERTIFICATES_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, detail: error.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ok: code === 0, detail: output.trim().split('\n').pop() || `exit code ${code}` });
    });
  });
}

/** The certificates for https://localhost:3000, or why there are none. */
async function taskpaneCertificates() {
  const existing = officeDevCertificates();
  if (existing) return { certificates: existing };
  if (process.env.CI)
    return { reason: 'no Office development certificates; not made under CI', needsCertificates: true };
  if (!canMakeCertificatesSilently()) {
    return {
      reason: 'no Office development certificates; making them asks for a password or a confirmation',
      needsCertificates: true,
    };
  }
  console.log('Making the Office development certificates (office-addin-dev-certs)…');
  const made = await makeCertificates();
  const certificates = officeDevCertificates();
  return certificates
    ? { certificates }
    : {
        reason: `the Office development certificates could not be made: ${made.detail}`,
        needsCertificates: true,
      };
}

/** An https server at the manifest's address that forwards every request and websocket to `targetPort`. */
function httpsForwarder(certificates, targetPort) {
  const forward = (req, res) => {
    const upstream = http.request(
      { host: LOOPBACK, port: targetPort, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode || 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`development server not reachable: ${error.message}`);
    });
    req.pipe(upstream);
  };
  const server = https.createServer(certificates, forward);
  server.on('upgrade', (req, socket, head) => {
    const upstream = net.connect(targetPort, LOOPBACK, () => {
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
      for (let i = 0; i < req.rawHeaders.length; i += 2)
        lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  return server;
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/** Listens on IPv4 and, where the machine has it, IPv6 loopback: Excel may resolve localhost to either. */
async function serveTaskpane(certificates, targetPort) {
  const servers = [await listen(httpsForwarder(certificates, targetPort), TASKPANE_PORT, LOOPBACK)];
  try {
    servers.push(await listen(httpsForwarder(certificates, targetPort), TASKPANE_PORT, '::1'));
  } catch {
    // No IPv6 loopback here: IPv4 alone serves localhost.
  }
  return servers;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const previewPort = await firstFreePort(args.previewPort, LOOPBACK);
  const hasPreview = fs.existsSync(path.join(ROOT, 'src', 'preview', 'index.tsx'));

  let taskpane = { reason: 'turned off with --no-https' };
  if (args.https) {
    if (!(await canListen(TASKPANE_PORT, LOOPBACK))) {
      taskpane = { reason: `port ${TASKPANE_PORT} is in use (another npm start?)` };
    } else {
      taskpane = await taskpaneCertificates();
    }
  }

  const config = createConfig({ root: ROOT, mode: 'development' });
  config.infrastructureLogging = { level: 'warn' };
  config.stats = 'errors-warnings';
  const compiler = webpack(config);
  const devServer = new WebpackDevServer(
    {
      host: LOOPBACK,
      port: previewPort,
      server: 'http',
      static: false,
      open: false,
      setupExitSignals: false,
      headers: { 'X-Content-Type-Options': 'nosniff' },
      // The address is taken from the page, so the same client works through the https forwarder.
      client: { overlay: { warnings: false }, logging: 'warn', webSocketURL: 'auto://0.0.0.0:0/ws' },
    },
    compiler,
  );

  let httpsServers = [];
  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the development servers.`);
    setTimeout(() => process.exit(0), 5000).unref();
    const closing = httpsServers.map((s) => new Promise((resolve) => s.close(resolve)));
    for (const s of httpsServers) s.closeAllConnections();
    await Promise.all(closing);
    await devServer.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const firstBuild = new Promise((resolve) => {
    let seen = false;
    compiler.hooks.done.tap('start', (stats) => {
      if (!seen) resolve(stats);
      seen = true;
    });
  });

  await devServer.start();
  if (taskpane.certificates) {
    try {
      httpsServers = await serveTaskpane(taskpane.certificates, previewPort);
    } catch (error) {
      taskpane = { reason: `https://localhost:${TASKPANE_PORT} could not be opened: ${error.message}` };
    }
  }
  const stats = await firstBuild;
  if (!stopping) console.log(banner({ hasPreview, previewPort, taskpane, buildFailed: stats.hasErrors() }));
}

/** What `npm start` serves, with each address on a line of its own (browser tests read the preview's). */
function banner({ hasPreview, previewPort, taskpane, buildFailed }) {
  const lines = ['', '绩效目标表助手 — development servers'];
  if (hasPreview) {
    lines.push(
      '  Preview (simulated workbook beside the task pane):',
      `    http://${LOOPBACK}:${previewPort}/preview.html`,
    );
  } else {
    lines.push(
      '  Preview: not built yet (src/preview/index.tsx does not exist).',
      `  The task pane page alone: http://${LOOPBACK}:${previewPort}/taskpane.html`,
    );
  }
  if (taskpane.certificates) {
    lines.push(
      `  Task pane for Excel (the manifest's address): https://localhost:${TASKPANE_PORT}/taskpane.html`,
      '    Sideload manifest.xml to use it in Excel (README, "Try it in Excel").',
    );
  } else {
    lines.push(`  Task pane for Excel over https: not served (${taskpane.reason}).`);
    if (taskpane.needsCertificates) {
      lines.push(`    To make the Office development certificates, run: ${HOW_TO_MAKE_CERTIFICATES}`);
    }
  }
  if (buildFailed)
    lines.push('  The build has errors (webpack lists them); the pages reload once they are fixed.');
  lines.push('Press Ctrl-C to stop.', '');
  return lines.join('\n');
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
