import type { GraphElement } from '../../graph-view/elements';
import { useI18n } from '../../i18n/useI18n';

/**
 * The visible organization nodes as a list of buttons: the keyboard and screen-reader way to expand,
 * collapse and select what the canvas shows.
 */
export function NodeList({
  elements,
  expanded,
  onToggle,
  onSelect,
}: {
  elements: readonly GraphElement[];
  expanded: readonly string[];
  onToggle: (id: string) => void;
  onSelect: (id: string) => void;
}) {
  const { t } = useI18n();
  const nodes = elements.filter((e) => e.group === 'nodes' && /^(university|committee|branch|member|more):/.test(e.data.id));
  return (
    <details>
      <summary>{t('network.listView')}</summary>
      <ul className="list" style={{ maxHeight: 320, overflowY: 'auto', marginTop: '.4rem' }}>
        {nodes.map((n) => {
          const id = n.data.id;
          const open = expanded.includes(id);
          return (
            <li key={id} className="row spread">
              <button type="button" className="link-like" onClick={() => onSelect(id)}>
                {String(n.data.label)}
              </button>
              <button type="button" className="button button-small button-ghost" aria-expanded={id.startsWith('more:') ? undefined : open} onClick={() => onToggle(id)}>
                {id.startsWith('more:') ? String(n.data.label) : open ? t('network.collapse') : t('network.expand')}
              </button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
