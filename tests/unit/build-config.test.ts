import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

interface Plugin {
  constructor: { name: string };
  userOptions?: { filename?: string; chunks?: string[] };
}
interface Config {
  mode: string;
  devtool: string;
  entry: Record<string, string>;
  output: { path: string };
  plugins: Plugin[];
  optimization: { splitChunks: { chunks: (chunk: { name: string | null }) => boolean } };
}
interface BuildConfig {
  createConfig(options: { root?: string; mode?: string; env?: Record<string, unknown> }): Config;
  deploymentUrl(value: unknown): string;
  officeJsUrl(value: unknown): string;
  rewriteManifest(xml: string, url: string): string;
  DEV_URL: string;
}
interface ManifestChecks {
  checkManifest(xml: string, options?: { root?: string; baseUrl?: string }): { ok: boolean };
}

const ROOT = path.join(__dirname, '..', '..');
const build = jest.requireActual<BuildConfig>(path.join(ROOT, 'webpack.config.js'));
const { checkManifest } = jest.requireActual<ManifestChecks>(
  path.join(ROOT, 'scripts', 'validate-manifest.js'),
);
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

describe('--env url=… (where the add-in is deployed)', () => {
  it('points every manifest URL at the deployment, so the rewritten manifest is valid there', () => {
    const url = build.deploymentUrl('https://addins.example.gov.cn/perf-targets');
    expect(url).toBe('https://addins.example.gov.cn/perf-targets/');
    const deployed = build.rewriteManifest(MANIFEST, url);
    expect(deployed).not.toContain('localhost');
    expect(deployed).toContain('https://addins.example.gov.cn/perf-targets/taskpane.html');
    expect(checkManifest(deployed, { root: ROOT, baseUrl: url }).ok).toBe(true);
  });

  it('leaves the development manifest alone without it', () => {
    expect(build.deploymentUrl(undefined)).toBe(build.DEV_URL);
    expect(build.rewriteManifest(MANIFEST, build.deploymentUrl(undefined))).toBe(MANIFEST);
  });

  it.each(['http://addins.example.gov.cn/', 'addins.example.gov.cn', 'https://host/path/?x=1'])(
    'refuses %s',
    (value) => {
      expect(() => build.deploymentUrl(value)).toThrow(/--env url=/);
    },
  );
});

describe('--env officeJs=…', () => {
  it('defaults to Microsoft’s CDN and accepts a self-hosted https copy or a path on the add-in’s server', () => {
    expect(build.officeJsUrl(undefined)).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(build.officeJsUrl('https://intranet.example.gov.cn/office.js')).toBe(
      'https://intranet.example.gov.cn/office.js',
    );
    expect(build.officeJsUrl('lib/office.js')).toBe('lib/office.js');
  });

  it('refuses office.js over plain http', () => {
    expect(() => build.officeJsUrl('http://intranet.example.gov.cn/office.js')).toThrow(/https/);
  });
});

describe('the webpack configuration', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'build-config-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const pages = (config: Config) =>
    config.plugins
      .filter((p) => p.constructor.name === 'HtmlWebpackPlugin')
      .map((p) => [p.userOptions?.filename, p.userOptions?.chunks]);

  it('builds the task pane and the ribbon functions, each page with its own scripts only', () => {
    const config = build.createConfig({ root, mode: 'production' });
    expect(Object.keys(config.entry)).toEqual(['taskpane', 'commands']);
    expect(config.entry.taskpane).toBe(path.join(root, 'src', 'taskpane', 'index.tsx'));
    expect(pages(config)).toEqual([
      ['taskpane.html', ['taskpane']],
      ['commands.html', ['commands']],
    ]);
    expect(config.output.path).toBe(path.join(root, 'dist'));
  });

  it('adds the preview page once src/preview/index.tsx exists, in development only unless asked', () => {
    expect(Object.keys(build.createConfig({ root, mode: 'development' }).entry)).not.toContain('preview');

    fs.mkdirSync(path.join(root, 'src', 'preview'), { recursive: true });
    fs.writeFileSync(path.join(root, 'src', 'preview', 'index.tsx'), '');
    const dev = build.createConfig({ root, mode: 'development' });
    expect(Object.keys(dev.entry)).toEqual(['taskpane', 'commands', 'preview']);
    expect(pages(dev)).toContainEqual(['preview.html', ['preview']]);

    expect(Object.keys(build.createConfig({ root, mode: 'production' }).entry)).not.toContain('preview');
    const bench = build.createConfig({ root, mode: 'production', env: { preview: true } });
    expect(Object.keys(bench.entry)).toContain('preview');
  });

  it('never shares a chunk between the preview page and the task pane', () => {
    const { chunks } = build.createConfig({ root, mode: 'development' }).optimization.splitChunks;
    expect(chunks({ name: 'preview' })).toBe(false);
    expect(chunks({ name: 'taskpane' })).toBe(true);
  });

  it('uses no eval-based source maps, which the pages’ policy would block', () => {
    expect(build.createConfig({ root, mode: 'development' }).devtool).not.toMatch(/eval/);
    expect(build.createConfig({ root, mode: 'production' }).devtool).not.toMatch(/eval/);
  });
});
