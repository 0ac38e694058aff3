import * as fs from 'fs';
import * as path from 'path';

interface BuildConfig {
  withOfficeJs(html: string, officeJs: string): string;
  OFFICE_JS_CDN: string;
}

const ROOT = path.join(__dirname, '..', '..');
const { withOfficeJs, OFFICE_JS_CDN } = jest.requireActual<BuildConfig>(path.join(ROOT, 'webpack.config.js'));
const OFFICE_ORIGIN = 'https://appsforoffice.microsoft.com';
const PAGES = {
  'taskpane.html': fs.readFileSync(path.join(ROOT, 'src', 'taskpane', 'taskpane.html'), 'utf8'),
  'commands.html': fs.readFileSync(path.join(ROOT, 'src', 'commands', 'commands.html'), 'utf8'),
};

/** The page's Content-Security-Policy as directive → sources. */
function policyOf(html: string): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta\b[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/gi)];
  if (metas.length !== 1) throw new Error(`expected one CSP <meta>, found ${metas.length}`);
  const content = /\bcontent="([^"]*)"/i.exec(metas[0][0])?.[1];
  if (content === undefined) throw new Error('the CSP <meta> has no content');
  return new Map(
    content
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((tokens) => tokens[0])
      .map(([name, ...sources]) => [name.toLowerCase(), sources]),
  );
}

/** Every source in the policy that lets the page load or run something not from the add-in itself. */
function remoteSources(policy: Map<string, string[]>): string[] {
  const local = new Set(["'self'", "'none'", "'unsafe-inline'", 'data:']);
  return [...policy.values()].flat().filter((source) => !local.has(source));
}

function scriptTags(html: string): { src?: string; body: string }[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].map(([, attrs, body]) => ({
    src: /\bsrc=["']?([^"'\s>]+)/i.exec(attrs)?.[1],
    body,
  }));
}

describe.each(Object.entries(PAGES))('%s', (_page, html) => {
  const policy = policyOf(html);

  it('runs scripts only from the add-in itself and from office.js’s CDN', () => {
    expect(policy.get('script-src')).toEqual(["'self'", OFFICE_ORIGIN]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
  });

  it('allows nothing else remote: no other host, no wildcard, no scheme-wide source', () => {
    expect(remoteSources(policy)).toEqual([OFFICE_ORIGIN]);
  });

  it('never allows inline or evaluated script', () => {
    for (const directive of ['script-src', 'default-src']) {
      expect(policy.get(directive)).not.toContain("'unsafe-inline'");
      expect(policy.get(directive)).not.toContain("'unsafe-eval'");
    }
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.has('base-uri')).toBe(true);
  });

  it('has no inline script, event-handler attribute or javascript: URL', () => {
    const scripts = scriptTags(html);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(script.src).toBeDefined();
      expect(script.body.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
  });

  it('loads office.js from Microsoft’s CDN, which the policy allows', () => {
    expect(scriptTags(html).map((s) => s.src)).toEqual([OFFICE_JS_CDN]);
    expect(new URL(OFFICE_JS_CDN).origin).toBe(OFFICE_ORIGIN);
  });
});

describe('a build with office.js hosted elsewhere (--env officeJs=…)', () => {
  it('loads office.js from the given https host and allows that host instead of the CDN', () => {
    const built = withOfficeJs(PAGES['taskpane.html'], 'https://intranet.example.gov.cn/office/office.js');
    const policy = policyOf(built);
    expect(policy.get('script-src')).toEqual(["'self'", 'https://intranet.example.gov.cn']);
    expect(remoteSources(policy)).toEqual(['https://intranet.example.gov.cn']);
    expect(scriptTags(built).map((s) => s.src)).toEqual(['https://intranet.example.gov.cn/office/office.js']);
  });

  it('allows no remote script at all when office.js is served with the add-in', () => {
    const built = withOfficeJs(PAGES['commands.html'], 'lib/office.js');
    const policy = policyOf(built);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(remoteSources(policy)).toEqual([]);
    expect(scriptTags(built).map((s) => s.src)).toEqual(['lib/office.js']);
  });
});
