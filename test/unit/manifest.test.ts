import { OfficeAddinManifest } from 'office-addin-manifest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XmlElement, child, descendants, parseXml } from '../helpers/xmlTree';

const ROOT = join(__dirname, '../..');
const DIST = join(ROOT, 'dist/addin');
const ORIGIN = 'https://localhost:3000';
const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  overrides: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

const manifest = parseXml(readFileSync(join(ROOT, 'manifest.xml'), 'utf8'));
const overrides = child(manifest, 'VersionOverrides')!;
const resources = child(overrides, 'Resources')!;
const xsiType = (e: XmlElement) => e.attrs['xsi:type'];

/** A resource of the VersionOverrides by id: its default value and its per-locale overrides. */
function resource(kind: 'Image' | 'Url' | 'String', id: string): { value: string; overrides: Record<string, string> } {
  const found = descendants(resources, kind, NS.bt).filter((e) => e.attrs.id === id);
  expect(found).toHaveLength(1);
  const overridesByLocale = Object.fromEntries(descendants(found[0], 'Override', NS.bt).map((o) => [o.attrs.Locale, o.attrs.Value]));
  return { value: found[0].attrs.DefaultValue, overrides: overridesByLocale };
}
const text = (id: string) => resource('String', id);

/** Every URL the manifest names, anywhere. */
function allUrls(): string[] {
  const urls: string[] = [];
  const walk = (e: XmlElement) => {
    for (const v of Object.values(e.attrs)) if (v.startsWith('https://')) urls.push(v);
    if (e.text.trim().startsWith('https://')) urls.push(e.text.trim());
    e.children.forEach(walk);
  };
  walk(manifest);
  return [...new Set(urls)];
}

/**
 * The files the build (webpack.config.js) puts in dist/addin: the HTML pages it writes and what
 * it copies, as paths. Read from the config itself, so the test holds without running a build.
 */
async function buildOutputs(): Promise<(path: string) => boolean> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = await (require(join(ROOT, 'webpack.config.js')) as (env: unknown, argv: unknown) => Promise<{ plugins: unknown[] }>)({}, { mode: 'production' });
  const pages: string[] = [];
  const copies: { from: string; to: string; context?: string }[] = [];
  for (const p of config.plugins as { userOptions?: { filename?: string }; patterns?: { from: string; to: string; context?: string }[] }[]) {
    if (p.userOptions?.filename) pages.push(p.userOptions.filename);
    if (p.patterns) copies.push(...p.patterns);
  }
  return (path) =>
    pages.includes(path) ||
    copies.some((c) => {
      const source = join(ROOT, c.context ?? '', c.from);
      if (c.to === path) return existsSync(source);
      // A copied folder: assets → assets/…
      return path.startsWith(`${c.to}/`) && existsSync(join(source, path.slice(c.to.length + 1)));
    });
}

describe('manifest.xml', () => {
  it('is an Excel task pane that may read and write the workbook, in Chinese and English', async () => {
    const info = await OfficeAddinManifest.readManifestFile(join(ROOT, 'manifest.xml'));
    expect(info.officeAppType).toBe('TaskPaneApp');
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(info.defaultLocale).toBe('zh-CN');
    expect(info.displayName).toBe('大客户管理');
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.defaultSettings?.sourceLocation).toBe(`${ORIGIN}/taskpane.html`);
    expect(info.appDomains).toEqual([ORIGIN]);
    for (const name of ['DisplayName', 'Description']) {
      const overrides = child(manifest, name)!.children.filter((c) => c.name === 'Override');
      expect(overrides.map((o) => o.attrs.Locale)).toEqual(['en-US']);
    }
  });

  it('requires ExcelApi 1.9, the newest set the Office.js adapter uses (page layout, multi-block ranges)', () => {
    const sets = descendants(child(manifest, 'Requirements')!, 'Set');
    expect(sets.map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([['ExcelApi', '1.9']]);
    // What the adapter's API subset says of itself (src/workbook/excel/api.ts).
    const api = readFileSync(join(ROOT, 'src/workbook/excel/api.ts'), 'utf8');
    const versions = [...api.matchAll(/ExcelApi (\d+)\.(\d+)/g)].map((m) => Number(m[1]) * 100 + Number(m[2]));
    expect(Math.max(...versions)).toBe(109);
  });

  it('adds a 大客户管理 / Key Accounts group to the Home tab with Open panel and Recalculate KPIs', () => {
    expect(overrides.ns).toBe(NS.overrides);
    expect(xsiType(overrides)).toBe('VersionOverridesV1_0');
    const hosts = descendants(overrides, 'Host');
    expect(hosts.map(xsiType)).toEqual(['Workbook']);
    const desktop = child(hosts[0], 'DesktopFormFactor')!;
    const points = desktop.children.filter((c) => c.name === 'ExtensionPoint');
    expect(points.map(xsiType)).toEqual(['PrimaryCommandSurface']);

    const tabs = descendants(points[0], 'OfficeTab');
    expect(tabs.map((t) => t.attrs.id)).toEqual(['TabHome']);
    const groups = descendants(tabs[0], 'Group');
    expect(groups).toHaveLength(1);
    const group = text(child(groups[0], 'Label')!.attrs.resid);
    expect(group).toEqual({ value: '大客户管理', overrides: { 'en-US': 'Key Accounts' } });

    const controls = groups[0].children.filter((c) => c.name === 'Control');
    expect(controls.map(xsiType)).toEqual(['Button', 'Button']);
    const [open, recalc] = controls.map((c) => ({ label: text(child(c, 'Label')!.attrs.resid), action: child(c, 'Action')! }));

    expect(open.label).toEqual({ value: '打开面板', overrides: { 'en-US': 'Open panel' } });
    expect(xsiType(open.action)).toBe('ShowTaskpane');
    expect(resource('Url', child(open.action, 'SourceLocation')!.attrs.resid).value).toBe(`${ORIGIN}/taskpane.html`);

    expect(recalc.label).toEqual({ value: '重新计算考核', overrides: { 'en-US': 'Recalculate KPIs' } });
    expect(xsiType(recalc.action)).toBe('ExecuteFunction');
    expect(child(recalc.action, 'FunctionName')!.text).toBe('recalculateKpis');
    expect(resource('Url', child(desktop, 'FunctionFile')!.attrs.resid).value).toBe(`${ORIGIN}/commands.html`);
  });

  it('names the function the function file registers', () => {
    const source = readFileSync(join(ROOT, 'src/commands/commands.ts'), 'utf8');
    expect(source).toMatch(/Office\.actions\?\.associate\?\.\('recalculateKpis'/);
    expect(source).toMatch(/\.recalculateKpis = handler/);
  });

  it('resolves every resid, in Chinese with an English override, within the length limits', () => {
    const ids = [...descendants(resources, 'Image', NS.bt), ...descendants(resources, 'Url', NS.bt), ...descendants(resources, 'String', NS.bt)].map((e) => e.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
    const used = new Set<string>();
    const walk = (e: XmlElement) => {
      if (e.attrs.resid) used.add(e.attrs.resid);
      e.children.forEach(walk);
    };
    walk(overrides);
    for (const id of used) expect(ids).toContain(id);
    for (const id of ids) expect(used).toContain(id);

    const shortStrings = descendants(child(resources, 'ShortStrings')!, 'String', NS.bt);
    const longStrings = descendants(child(resources, 'LongStrings')!, 'String', NS.bt);
    for (const [strings, max] of [[shortStrings, 125], [longStrings, 250]] as const) {
      for (const s of strings) {
        const { value, overrides: byLocale } = text(s.attrs.id);
        expect(/[\u4e00-\u9fff]/.test(value)).toBe(true);
        expect(Object.keys(byLocale)).toEqual(['en-US']);
        for (const v of [value, byLocale['en-US']]) expect(v.length).toBeLessThanOrEqual(max);
      }
    }
    // Button and group icons in the three sizes Office asks for.
    for (const icon of descendants(overrides, 'Icon')) {
      expect(icon.children.map((i) => i.attrs.size)).toEqual(['16', '32', '80']);
    }
  });

  it('names only URLs on the add-in’s origin that the build writes', async () => {
    const built = await buildOutputs();
    const urls = allUrls();
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const url of urls) {
      expect(url.startsWith(`${ORIGIN}/`) || url === ORIGIN).toBe(true);
      if (url === ORIGIN) continue;
      const path = new URL(url).pathname.replace(/^\//, '');
      expect([path, built(path)]).toEqual([path, true]);
      // When a build is there (npm run build), the file is in it.
      if (existsSync(DIST)) expect([path, existsSync(join(DIST, path))]).toEqual([path, true]);
    }
  });

  it('points its icons at PNGs of the stated sizes', () => {
    const sizeOf = (file: string) => {
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      return [png.readUInt32BE(16), png.readUInt32BE(20)];
    };
    for (const e of descendants(resources, 'Image', NS.bt)) {
      const size = Number(/icon-(\d+)\.png$/.exec(e.attrs.DefaultValue)![1]);
      expect(sizeOf(join(ROOT, new URL(e.attrs.DefaultValue).pathname))).toEqual([size, size]);
    }
    expect(sizeOf(join(ROOT, 'assets/icon-32.png'))).toEqual([32, 32]);
    expect(sizeOf(join(ROOT, 'assets/icon-64.png'))).toEqual([64, 64]);
  });
});
