/**
 * Builds the task pane, the ribbon's function file and (in development) the preview page, as the
 * `yo office` React template does, with these differences:
 *   --env url=https://host/path/   every manifest URL (https://localhost:3000/) is rewritten to it
 *   --env officeJs=<url>           the pages load office.js from there instead of Microsoft's CDN
 *                                  (and their Content-Security-Policy allows that origin instead)
 *   --env preview                  also build the preview page in production mode (benchmarks)
 * The preview page (src/preview/, SPEC §9) is a separate entry with its own chunks: nothing of it can
 * end up in what the task pane loads.
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_ORIGIN = new URL(OFFICE_JS_CDN).origin;
/**
 * What the task pane may load before it is interactive (office.js excluded), gzip-compressed (issue
 * 18): 119.1 KB measured, with the pane's styles compiled at build time and everything its first
 * paint does not draw fetched after it; an English pane adds its 2.5 KB of strings before it is drawn.
 */
const TASKPANE_BUDGET_BYTES = 120 * 1024;
/** Pages that load office.js; the preview page runs on a local shim and loads nothing remote. */
const OFFICE_PAGES = ['taskpane.html', 'commands.html'];

/** The deployment base URL from `--env url=…`: https, ending in one slash. */
function deploymentUrl(value) {
  if (value === undefined || value === true) return DEV_URL;
  let url;
  try {
    url = new URL(String(value));
  } catch {
    throw new Error(
      `--env url=${value}: not a URL (expected e.g. https://addins.example.gov.cn/perf-targets/)`,
    );
  }
  if (url.protocol !== 'https:') throw new Error(`--env url=${value}: Office loads add-ins over https only`);
  if (url.search || url.hash) throw new Error(`--env url=${value}: no query or fragment, just the folder`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** The office.js address from `--env officeJs=…`: an https URL, or a path on the add-in's own server. */
function officeJsUrl(value) {
  if (value === undefined || value === true) return OFFICE_JS_CDN;
  const text = String(value);
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith('//')) {
    const url = new URL(text.startsWith('//') ? `https:${text}` : text);
    if (url.protocol !== 'https:')
      throw new Error(`--env officeJs=${text}: office.js must be loaded over https`);
    return url.href;
  }
  if (/["'<>\s]/.test(text)) throw new Error(`--env officeJs=${text}: not a usable path`);
  return text;
}

/** manifest.xml with every development URL pointed at the deployment. */
function rewriteManifest(xml, url) {
  return xml.split(DEV_URL).join(url);
}

/**
 * A page's HTML with office.js taken from `officeJs`: the script's src, and the origin that the
 * Content-Security-Policy allows for scripts (none beyond 'self' when office.js is self-hosted on
 * the add-in's own server).
 */
function withOfficeJs(html, officeJs) {
  if (officeJs === OFFICE_JS_CDN) return html;
  const absolute = /^https:/.test(officeJs);
  const replaced = html.split(OFFICE_JS_CDN).join(officeJs);
  const origin = absolute ? new URL(officeJs).origin : '';
  return replaced.split(` ${OFFICE_JS_ORIGIN}`).join(origin ? ` ${origin}` : '');
}

/** The Office development certificates (office-addin-dev-certs), if present and not expired. */
function officeDevCertificates() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = { ca: 'ca.crt', cert: 'localhost.crt', key: 'localhost.key' };
  try {
    const loaded = {};
    for (const [name, file] of Object.entries(files)) loaded[name] = fs.readFileSync(path.join(dir, file));
    const { X509Certificate } = require('crypto');
    if (new Date(new X509Certificate(loaded.cert).validTo) <= new Date()) return null;
    return loaded;
  } catch {
    return null;
  }
}

/** Rewrites the Office pages' office.js address as HtmlWebpackPlugin emits them. */
class OfficeJsPlugin {
  constructor(officeJs) {
    this.officeJs = officeJs;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap('OfficeJsPlugin', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap('OfficeJsPlugin', (data) => {
        if (OFFICE_PAGES.includes(data.outputName)) data.html = withOfficeJs(data.html, this.officeJs);
        return data;
      });
    });
  }
}

/** Prints the task pane's initial JavaScript, gzip-compressed, against its budget (SPEC §10). */
class TaskpaneBudgetPlugin {
  apply(compiler) {
    const { Compilation, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('TaskpaneBudgetPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'TaskpaneBudgetPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const entry = compilation.entrypoints.get('taskpane');
          // A failed build has nothing meaningful to weigh; its errors say what is wrong.
          if (!entry || compilation.errors.length > 0) return;
          let bytes = 0;
          for (const file of entry.getFiles().filter((f) => f.endsWith('.js'))) {
            const asset = compilation.getAsset(file);
            if (asset) bytes += zlib.gzipSync(asset.source.buffer(), { level: 9 }).length;
          }
          const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
          const line = `task pane initial JS: ${kb(bytes)} gzip (budget ${kb(TASKPANE_BUDGET_BYTES)})`;
          if (bytes > TASKPANE_BUDGET_BYTES)
            compilation.warnings.push(new WebpackError(`${line}: over budget`));
          else console.log(line);
        },
      );
    });
  }
}

/**
 * The webpack configuration for `root` (the project folder).
 * @param {{ root?: string, mode?: string, env?: Record<string, unknown> }} [options]
 */
function createConfig({ root = __dirname, mode = 'production', env = {} } = {}) {
  const dev = mode === 'development';
  const url = deploymentUrl(env.url);
  const officeJs = officeJsUrl(env.officeJs);
  const previewEntry = path.join(root, 'src', 'preview', 'index.tsx');
  const withPreview = fs.existsSync(previewEntry) && (dev || Boolean(env.preview));
  const previewTemplate = path.join(root, 'src', 'preview', 'preview.html');

  const entry = {
    taskpane: path.join(root, 'src', 'taskpane', 'index.tsx'),
    commands: path.join(root, 'src', 'commands', 'commands.ts'),
  };
  const pages = [
    new HtmlWebpackPlugin({
      filename: 'taskpane.html',
      template: path.join(root, 'src', 'taskpane', 'taskpane.html'),
      chunks: ['taskpane'],
    }),
    new HtmlWebpackPlugin({
      filename: 'commands.html',
      template: path.join(root, 'src', 'commands', 'commands.html'),
      chunks: ['commands'],
    }),
  ];
  if (withPreview) {
    entry.preview = previewEntry;
    pages.push(
      new HtmlWebpackPlugin({
        filename: 'preview.html',
        ...(fs.existsSync(previewTemplate)
          ? { template: previewTemplate }
          : { title: '绩效目标表助手 — 预览' }),
        chunks: ['preview'],
      }),
    );
  }

  return {
    mode: dev ? 'development' : 'production',
    context: root,
    entry,
    // The pages' CSP forbids eval, so no eval-based source maps even in development.
    devtool: dev ? 'cheap-module-source-map' : 'source-map',
    output: {
      path: path.join(root, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Loaders run last to first: ts-loader makes JavaScript, then Griffel's loader compiles the
          // pane's makeStyles calls ahead of time into __styles (class names and CSS, as Fluent ships
          // its own components), so Griffel's runtime style compiler is left out of the bundle.
          use: [
            { loader: '@griffel/webpack-loader' },
            {
              loader: 'ts-loader',
              options: {
                configFile: path.join(root, 'tsconfig.json'),
                // `npm run typecheck` type-checks; the bundle only needs the JavaScript.
                transpileOnly: true,
                // ES modules let webpack drop unused exports; ES2020 runs in every webview Office uses for React 19.
                compilerOptions: { module: 'es2020', target: 'es2020', sourceMap: true },
              },
            },
          ],
        },
      ],
    },
    optimization: {
      splitChunks: {
        // The preview page keeps all of its modules to itself: a chunk shared with it could be
        // loaded by the task pane.
        chunks: (chunk) => chunk.name !== 'preview',
      },
    },
    performance: { hints: false },
    plugins: [
      ...pages,
      new OfficeJsPlugin(officeJs),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets', info: { minimized: true } },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => rewriteManifest(content.toString('utf8'), url),
            info: { minimized: true },
          },
        ],
      }),
      ...(dev ? [] : [new TaskpaneBudgetPlugin()]),
    ],
    ...(env.WEBPACK_SERVE ? { devServer: devServerOptions() } : {}),
  };
}

/** `webpack serve` alone: the task pane at the manifest's address, https when certificates exist. */
function devServerOptions() {
  const certificates = officeDevCertificates();
  return {
    host: 'localhost',
    port: 3000,
    server: certificates ? { type: 'https', options: certificates } : 'http',
    static: false,
    headers: { 'X-Content-Type-Options': 'nosniff' },
    client: { overlay: { warnings: false } },
  };
}

module.exports = (env = {}, argv = {}) => createConfig({ mode: argv.mode || 'production', env });
Object.assign(module.exports, {
  createConfig,
  deploymentUrl,
  officeJsUrl,
  rewriteManifest,
  withOfficeJs,
  officeDevCertificates,
  DEV_URL,
  OFFICE_JS_CDN,
  TASKPANE_BUDGET_BYTES,
});
