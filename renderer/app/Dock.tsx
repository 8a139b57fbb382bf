import { useI18n } from '../i18n';
import type { PanelContribution } from '../ui/contributions';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { useStore } from '../ui/store';
import type { Workbench } from '../ui/workbench';

/**
 * One side of the workspace: the panels the features contribute to it, as tabs (图层, 图例 …) when there are
 * several. Only the active panel is mounted; a panel keeps what must survive a tab switch in its feature.
 */
export function Dock({ side, panels, wb }: { side: 'left' | 'right'; panels: readonly PanelContribution[]; wb: Workbench }) {
  const { t, lang } = useI18n();
  const dock = useStore(wb.dock);
  if (panels.length === 0) return <aside className={`dock dock-${side} empty`} />;
  const active = panels.find((p) => p.id === dock[side]) ?? panels[0]!;
  return (
    <aside className={`dock dock-${side}`} data-testid={`dock-${side}`}>
      {panels.length > 1 && (
        <div className="dock-tabs" role="tablist">
          {panels.map((p) => (
            <button
              key={p.id}
              role="tab"
              aria-selected={p.id === active.id}
              className={p.id === active.id ? 'dock-tab active' : 'dock-tab'}
              data-testid={`dock-tab-${p.id}`}
              onClick={() => wb.showPanel(p.id)}
            >
              {t(p.titleKey)}
            </button>
          ))}
        </div>
      )}
      <ErrorBoundary key={active.id} lang={lang}>
        <active.component />
      </ErrorBoundary>
    </aside>
  );
}
