import { langFromEnv, parseLang, MESSAGES } from '../../../src/cli/messages';
import { kam } from './helpers';

describe('the CLI language', () => {
  it('follows LC_ALL, then LC_MESSAGES, then LANG; Chinese otherwise', () => {
    expect(langFromEnv({})).toBe('zh');
    expect(langFromEnv({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(langFromEnv({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_TW.UTF-8' })).toBe('zh');
    expect(langFromEnv({ LANG: 'zh_CN.UTF-8', LC_ALL: 'en_GB.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'C.UTF-8' })).toBe('zh');
    expect(langFromEnv({ LANG: 'fr_FR.UTF-8' })).toBe('zh');
    expect(langFromEnv({ LC_ALL: '', LANG: 'en_US' })).toBe('en');
  });

  it('reads --lang values', () => {
    expect(parseLang('zh')).toBe('zh');
    expect(parseLang('zh-CN')).toBe('zh');
    expect(parseLang('EN')).toBe('en');
    expect(parseLang('en_US')).toBe('en');
    expect(parseLang('de')).toBeNull();
  });

  it('has every message in both languages', () => {
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(MESSAGES.zh)).toEqual(keys(MESSAGES.en));
    for (const lang of ['zh', 'en'] as const) {
      for (const [k, v] of Object.entries(MESSAGES[lang])) {
        if (typeof v === 'string') expect(`${k}:${v.trim()}`).not.toBe(`${k}:`);
      }
    }
  });

  it('prints English when the locale is English and --lang is absent', async () => {
    const r = await kam(['validate', '/no/such/file.xlsx'], { LANG: 'en_US.UTF-8' });
    expect(r.stderr).toBe('kam: /no/such/file.xlsx: no such file.\n');
  });

  it('prints Chinese by default', async () => {
    const r = await kam(['validate', '/no/such/file.xlsx']);
    expect(r.stderr).toBe('kam：找不到文件 /no/such/file.xlsx。\n');
  });

  it('lets --lang override the locale', async () => {
    const r = await kam(['validate', '/no/such/file.xlsx', '--lang', 'zh'], { LC_ALL: 'en_US.UTF-8' });
    expect(r.stderr).toContain('找不到文件');
  });

  it('reports a bad --lang in the locale language', async () => {
    const r = await kam(['validate', 'x.xlsx', '--lang', 'jp'], { LANG: 'en_US.UTF-8' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--lang: 'jp' is not a language; use zh or en.");
  });
});
