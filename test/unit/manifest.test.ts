import { OfficeAddinManifest } from 'office-addin-manifest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

/** Where a https://localhost:3000/… URL of the manifest comes from in the source tree. */
function sourceOf(url: string): string {
  const path = new URL(url).pathname.replace(/^\//, '');
  if (path.startsWith('assets/')) return join(ROOT, path);
  if (path === 'taskpane.html') return join(ROOT, 'src/taskpane/taskpane.html');
  return join(ROOT, 'src/taskpane', path);
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
  });

  it('names only URLs the build serves', async () => {
    const info = await OfficeAddinManifest.readManifestFile(join(ROOT, 'manifest.xml'));
    for (const url of [info.iconUrl!, info.highResolutionIconUrl!, info.supportUrl!, info.defaultSettings!.sourceLocation!]) {
      expect(url).toMatch(/^https:\/\/localhost:3000\//);
      expect(existsSync(sourceOf(url))).toBe(true);
    }
  });
});
