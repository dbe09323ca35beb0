import { Button, FluentProvider, Tab, TabList, Subtitle1, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { STRINGS, type Lang } from './i18n';
import { EntryPanel } from './panels/EntryPanel';
import { FormsPanel } from './panels/FormsPanel';
import { HomePanel } from './panels/HomePanel';
import { KpiPanel } from './panels/KpiPanel';
import { SettingsPanel } from './panels/SettingsPanel';
import { ValidatePanel } from './panels/ValidatePanel';
import { LangContext, PaneState, PaneStateContext, Services, ServicesContext } from './services';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100%', minWidth: 0, backgroundColor: tokens.colorNeutralBackground1 },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: '8px',
    padding: '8px 12px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  tabs: { flexWrap: 'wrap', padding: '0 4px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  // Six tabs in 320 pixels, in either language.
  tab: { paddingLeft: '2px', paddingRight: '2px' },
  main: { flexGrow: 1, minWidth: 0 },
});

export type PanelName = 'home' | 'entry' | 'validate' | 'kpi' | 'forms' | 'settings';

export interface AppProps {
  services: Services;
  initialLang: Lang;
  initialPanel?: PanelName;
  /** Told when the user switches the language (the preview host follows it). */
  onLangChange?(lang: Lang): void;
}

/**
 * The task pane: six panels over the same operations, in Chinese or English. Visited panels stay
 * mounted (hidden) so a half-typed row survives a look at the KPIs.
 */
export function App({ services, initialLang, initialPanel = 'home', onLangChange }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const [panel, setPanel] = useState<PanelName>(initialPanel);
  const [visited, setVisited] = useState<ReadonlySet<PanelName>>(new Set([initialPanel]));
  const [revision, setRevision] = useState(0);
  const [lastRecalc, setLastRecalc] = useState<PaneState['lastRecalc']>(null);
  const t = STRINGS[lang];

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en-US';
    document.title = t.appTitle;
  }, [lang, t]);

  const langState = useMemo(() => ({ lang, t, setLang }), [lang, t]);
  const paneState = useMemo<PaneState>(() => ({ lastRecalc, setLastRecalc, revision, bump: () => setRevision((n) => n + 1) }), [lastRecalc, revision]);

  const panels: PanelName[] = ['home', 'entry', 'validate', 'kpi', 'forms', 'settings'];
  const select = (p: PanelName) => {
    setPanel(p);
    setVisited((v) => (v.has(p) ? v : new Set(v).add(p)));
  };
  const shown = (p: PanelName) => visited.has(p);

  return (
    // Layout on an inner div: FluentProvider's className also lands on the mount node of its
    // portals (dropdown lists), which would then cover the page.
    <FluentProvider theme={webLightTheme}>
      <div className={styles.root}>
        <ServicesContext.Provider value={services}>
          <LangContext.Provider value={langState}>
            <PaneStateContext.Provider value={paneState}>
              <header className={styles.header}>
                <Subtitle1 as="h1">{t.appTitle}</Subtitle1>
                <Button
                  size="small"
                  appearance="subtle"
                  lang={lang === 'zh' ? 'en' : 'zh-CN'}
                  aria-label={t.switchLanguageLabel}
                  onClick={() => {
                    const next = lang === 'zh' ? 'en' : 'zh';
                    setLang(next);
                    onLangChange?.(next);
                  }}
                  data-testid="language-switch"
                >
                  {t.switchLanguage}
                </Button>
              </header>
              <TabList className={styles.tabs} size="small" selectedValue={panel} onTabSelect={(_, d) => select(d.value as PanelName)}>
                {panels.map((p) => (
                  <Tab key={p} className={styles.tab} value={p} id={`tab-${p}`} aria-controls={shown(p) ? `panel-${p}` : undefined}>
                    {t.tabs[p]}
                  </Tab>
                ))}
              </TabList>
              <main className={styles.main}>
                {panels.map(
                  (p) =>
                    shown(p) && (
                      <div key={p} id={`panel-${p}`} role="tabpanel" aria-labelledby={`tab-${p}`} hidden={panel !== p}>
                        {p === 'home' && <HomePanel active={panel === 'home'} />}
                        {p === 'entry' && <EntryPanel active={panel === 'entry'} />}
                        {p === 'validate' && <ValidatePanel />}
                        {p === 'kpi' && <KpiPanel />}
                        {p === 'forms' && <FormsPanel active={panel === 'forms'} />}
                        {p === 'settings' && <SettingsPanel active={panel === 'settings'} />}
                      </div>
                    ),
                )}
              </main>
            </PaneStateContext.Provider>
          </LangContext.Provider>
        </ServicesContext.Provider>
      </div>
    </FluentProvider>
  );
}
