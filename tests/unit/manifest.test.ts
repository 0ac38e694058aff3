import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The checks `npm run validate` runs, loaded from the script itself so both stay one. */
interface CheckResult {
  id: string;
  title: string;
  problems: string[];
}
interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}
interface ManifestChecks {
  checkManifest(
    xml: string,
    options?: { root?: string; baseUrl?: string },
  ): { ok: boolean; checks: CheckResult[] };
  parseManifest(xml: string): XmlNode[];
}
interface IconMaker {
  renderIcon(size: number): Buffer;
}

const ROOT = path.join(__dirname, '..', '..');
const { checkManifest, parseManifest } = jest.requireActual<ManifestChecks>(
  path.join(ROOT, 'scripts', 'validate-manifest.js'),
);
const { renderIcon } = jest.requireActual<IconMaker>(path.join(ROOT, 'scripts', 'make-icons.js'));
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

function problemsOf(xml: string, id: string, options?: { root?: string; baseUrl?: string }): string[] {
  const check = checkManifest(xml, options).checks.find((c) => c.id === id);
  if (!check) throw new Error(`check ${id} did not run`);
  return check.problems;
}

/** Replaces exactly one occurrence, so that a mutation that no longer applies fails loudly. */
function mutate(xml: string, from: string | RegExp, to: string): string {
  const count =
    typeof from === 'string'
      ? xml.split(from).length - 1
      : [...xml.matchAll(new RegExp(from.source, 'g'))].length;
  if (count !== 1) throw new Error(`expected one occurrence of ${String(from)}, found ${count}`);
  return xml.replace(from, to);
}

function descendants(node: XmlNode): XmlNode[] {
  return node.children.flatMap((c) => [c, ...descendants(c)]);
}

describe('manifest.xml', () => {
  const app = parseManifest(MANIFEST).find((n) => n.name === 'OfficeApp')!;
  const all = descendants(app);
  const strings = new Map(
    all
      .filter((n) => n.name === 'bt:String')
      .map((n) => [
        n.attrs.id,
        {
          zh: n.attrs.DefaultValue,
          en: n.children.find((o) => o.attrs.Locale === 'en-US')?.attrs.Value,
        },
      ]),
  );

  it('passes every offline check', () => {
    const result = checkManifest(MANIFEST);
    expect(result.checks.map((c) => [c.id, c.problems])).toEqual([
      ['well-formed', []],
      ['required', []],
      ['https', []],
      ['resids', []],
      ['locales', []],
      ['icons', []],
    ]);
    expect(result.ok).toBe(true);
  });

  it('is a Chinese-first Excel add-in that asks for ExcelApi 1.4 and document access only', () => {
    const text = (name: string) => app.children.find((c) => c.name === name)?.text;
    expect(text('DefaultLocale')).toBe('zh-CN');
    expect(text('Permissions')).toBe('ReadWriteDocument');
    const displayName = app.children.find((c) => c.name === 'DisplayName')!;
    expect(displayName.attrs.DefaultValue).toBe('绩效目标表助手');
    expect(displayName.children.find((o) => o.attrs.Locale === 'en-US')?.attrs.Value).toBeTruthy();
    const set = all.find((n) => n.name === 'Set')!;
    expect(set.attrs).toMatchObject({ Name: 'ExcelApi', MinVersion: '1.4' });
    expect(all.filter((n) => n.name === 'Host').map((h) => h.attrs.Name ?? h.attrs['xsi:type'])).toEqual([
      'Workbook',
      'Workbook',
    ]);
  });

  it('puts 插入模板, 校验 and 汇总 on the Home tab, in Chinese and English', () => {
    const tab = all.find((n) => n.name === 'OfficeTab')!;
    expect(tab.attrs.id).toBe('TabHome');
    const buttons = descendants(tab).filter((n) => n.name === 'Control');
    const labelOf = (control: XmlNode) => {
      const resid = control.children.find((c) => c.name === 'Label')!.attrs.resid;
      return strings.get(resid);
    };
    expect(buttons.map(labelOf)).toEqual([
      { zh: '插入模板', en: 'Insert template' },
      { zh: '校验', en: 'Validate' },
      { zh: '汇总', en: 'Totals' },
    ]);
    const actions = buttons.map((b) => b.children.find((c) => c.name === 'Action')!);
    expect(actions.map((a) => a.attrs['xsi:type'])).toEqual([
      'ExecuteFunction',
      'ShowTaskpane',
      'ExecuteFunction',
    ]);
    expect(actions.map((a) => a.children.find((c) => c.name === 'FunctionName')?.text)).toEqual([
      'insertTemplate',
      undefined,
      'writeSummary',
    ]);
  });

  it('loads the task pane and the ribbon functions from the development server', () => {
    const urls = new Map(
      all.filter((n) => n.name === 'bt:Url').map((n) => [n.attrs.id, n.attrs.DefaultValue]),
    );
    const functionFile = all.find((n) => n.name === 'FunctionFile')!;
    expect(urls.get(functionFile.attrs.resid)).toBe('https://localhost:3000/commands.html');
    const showTaskpane = all.find((n) => n.name === 'Action' && n.attrs['xsi:type'] === 'ShowTaskpane')!;
    const source = showTaskpane.children.find((c) => c.name === 'SourceLocation')!;
    expect(urls.get(source.attrs.resid)).toBe('https://localhost:3000/taskpane.html');
  });
});

describe('the manifest checks catch what is broken', () => {
  it('reports XML that is not well-formed, with its line', () => {
    const broken = mutate(MANIFEST, '</DefaultSettings>', '</DefaultSetting>');
    const problems = problemsOf(broken, 'well-formed');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/line \d+/);
    expect(checkManifest(broken).ok).toBe(false);
  });

  it.each([
    ['an Id that is not a GUID', /<Id>[^<]+<\/Id>/, '<Id>my-add-in</Id>', /<Id> must be a GUID/],
    [
      'more permission than needed',
      '<Permissions>ReadWriteDocument</Permissions>',
      '<Permissions>ReadWriteMailbox</Permissions>',
      /ReadWriteDocument/,
    ],
    ['no Excel host', '<Host Name="Workbook"/>', '<Host Name="Document"/>', /Workbook/],
    ['no ExcelApi requirement', 'Name="ExcelApi"', 'Name="WordApi"', /ExcelApi/],
    ['no support URL', /<SupportUrl [^>]+\/>/, '', /SupportUrl/],
    ['no source location', /<SourceLocation DefaultValue="[^"]+"\/>/, '', /SourceLocation/],
    [
      'an empty provider',
      /<ProviderName>[^<]+<\/ProviderName>/,
      '<ProviderName></ProviderName>',
      /ProviderName/,
    ],
  ])('reports %s', (_what, from, to, expected) => {
    const problems = problemsOf(mutate(MANIFEST, from, to), 'required');
    expect(problems).toEqual([expect.stringMatching(expected)]);
  });

  it('reports a URL that is not https, naming it', () => {
    const broken = mutate(
      MANIFEST,
      'DefaultValue="https://localhost:3000/commands.html"',
      'DefaultValue="http://localhost:3000/commands.html"',
    );
    expect(problemsOf(broken, 'https')).toEqual([
      expect.stringContaining('"http://localhost:3000/commands.html"'),
    ]);
  });

  it('reports a resid that is not defined, or defined as the wrong kind of resource', () => {
    const undefinedId = mutate(MANIFEST, '<Label resid="PT.Group.Label"/>', '<Label resid="PT.Group.Name"/>');
    expect(problemsOf(undefinedId, 'resids')).toEqual([
      expect.stringContaining('"PT.Group.Name" is not defined'),
    ]);

    const wrongKind = mutate(
      MANIFEST,
      '<FunctionFile resid="PT.Commands.Url"/>',
      '<FunctionFile resid="PT.Group.Label"/>',
    );
    expect(problemsOf(wrongKind, 'resids')).toEqual([expect.stringContaining('<bt:Urls>')]);
  });

  it('reports a string without its English override', () => {
    const broken = mutate(MANIFEST, '<bt:Override Locale="en-US" Value="Totals"/>', '');
    expect(problemsOf(broken, 'locales')).toEqual(['short string "PT.Totals.Label" has no en-US override']);

    const noEnglishName = mutate(
      MANIFEST,
      /<Override Locale="en-US" Value="Performance Target Table Assistant"\/>/,
      '',
    );
    expect(problemsOf(noEnglishName, 'locales')).toEqual(['<DisplayName> has no en-US override']);
  });

  it('reports a tooltip longer than Office accepts', () => {
    const long = '很'.repeat(251);
    const broken = mutate(
      MANIFEST,
      /(<bt:String id="PT\.Totals\.Tooltip" DefaultValue=")[^"]+"/,
      `$1${long}"`,
    );
    expect(problemsOf(broken, 'locales')).toEqual([expect.stringContaining('longer than 250 characters')]);
  });

  describe('icons', () => {
    let root: string;
    const rendered = new Map<number, Buffer>();
    beforeAll(() => {
      for (const size of [16, 32, 64, 80]) rendered.set(size, renderIcon(size));
    });
    beforeEach(() => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-icons-'));
      fs.mkdirSync(path.join(root, 'assets'));
      for (const [size, png] of rendered)
        fs.writeFileSync(path.join(root, 'assets', `icon-${size}.png`), png);
    });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    it('accepts icons at the declared sizes', () => {
      expect(problemsOf(MANIFEST, 'icons', { root })).toEqual([]);
    });

    it('reports an icon whose pixel size differs from the declared one', () => {
      fs.writeFileSync(path.join(root, 'assets', 'icon-80.png'), rendered.get(64)!);
      expect(problemsOf(MANIFEST, 'icons', { root })).toEqual([
        expect.stringMatching(/assets\/icon-80\.png is 64×64 px, declared 80×80/),
      ]);
    });

    it('reports a missing icon file and a file that is not an image', () => {
      fs.rmSync(path.join(root, 'assets', 'icon-16.png'));
      fs.writeFileSync(path.join(root, 'assets', 'icon-32.png'), 'not a picture');
      const problems = problemsOf(MANIFEST, 'icons', { root });
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.stringContaining('assets/icon-16.png does not exist'),
          expect.stringContaining('assets/icon-32.png is not an image'),
        ]),
      );
    });

    it('reports an icon served from somewhere other than the add-in', () => {
      const broken = mutate(
        MANIFEST,
        '<bt:Image id="PT.Icon.80" DefaultValue="https://localhost:3000/assets/icon-80.png"/>',
        '<bt:Image id="PT.Icon.80" DefaultValue="https://cdn.example.com/icon-80.png"/>',
      );
      expect(problemsOf(broken, 'icons', { root })).toEqual([
        expect.stringContaining('is not served by the add-in'),
      ]);
    });

    it('checks a manifest rewritten for deployment against its own base URL', () => {
      const deployed = MANIFEST.split('https://localhost:3000/').join(
        'https://intranet.example.gov.cn/perf/',
      );
      expect(checkManifest(deployed, { root, baseUrl: 'https://intranet.example.gov.cn/perf/' }).ok).toBe(
        true,
      );
      expect(problemsOf(deployed, 'icons', { root })).not.toEqual([]);
    });
  });
});
