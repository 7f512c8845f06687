import type { Facets, SearchFilters } from '@/utils/archive/search';
import { t } from '@/utils/ui/i18n';

const CHIPS_PER_FACET = 6;

/** Filter chips (source, section, tag) and date ranges; every filter combines with the search. */
export function FilterBar({
  facets,
  filters,
  onChange,
}: {
  facets: Facets | null;
  filters: SearchFilters;
  onChange: (filters: SearchFilters) => void;
}) {
  const toggle = (key: 'source' | 'section' | 'tag', value: string) =>
    onChange({ ...filters, [key]: filters[key] === value ? undefined : value });
  const setDate = (key: 'publishedFrom' | 'publishedTo' | 'clippedFrom' | 'clippedTo', value: string) =>
    onChange({ ...filters, [key]: value || undefined });
  const groups: Array<{ key: 'source' | 'section' | 'tag'; label: string; values: string[] }> = facets
    ? [
        { key: 'source', label: t('filterSource'), values: facets.sources.map((f) => f.value) },
        { key: 'section', label: t('filterSection'), values: facets.sections.map((f) => f.value) },
        { key: 'tag', label: t('filterTag'), values: facets.tags.map((f) => f.value) },
      ]
    : [];
  const active = Object.values(filters).some(Boolean);
  return (
    <div className="filter-bar" data-testid="filter-bar">
      {groups
        .filter((group) => group.values.length > 0)
        .map((group) => {
          // the chosen value stays visible even when it is not among the most used
          const values = group.values.slice(0, CHIPS_PER_FACET);
          const chosen = filters[group.key];
          if (chosen && !values.includes(chosen)) values.push(chosen);
          return (
            <div className="chip-group" key={group.key} role="group" aria-label={group.label}>
              <span className="chip-label">{group.label}</span>
              {values.map((value) => (
                <button
                  type="button"
                  key={value}
                  className="chip"
                  data-filter={group.key}
                  aria-pressed={chosen === value}
                  onClick={() => toggle(group.key, value)}
                >
                  {value}
                </button>
              ))}
            </div>
          );
        })}
      <details className="date-filters">
        <summary>{t('moreFilters')}</summary>
        {(
          [
            ['publishedRange', 'publishedFrom', 'publishedTo'],
            ['clippedRange', 'clippedFrom', 'clippedTo'],
          ] as const
        ).map(([label, from, to]) => (
          <div className="date-range" key={label}>
            <span>{t(label)}</span>
            <input
              type="date"
              aria-label={`${t(label)} ${t('dateFrom')}`}
              data-filter={from}
              value={filters[from] ?? ''}
              onChange={(e) => setDate(from, e.target.value)}
            />
            <span>–</span>
            <input
              type="date"
              aria-label={`${t(label)} ${t('dateTo')}`}
              data-filter={to}
              value={filters[to] ?? ''}
              onChange={(e) => setDate(to, e.target.value)}
            />
          </div>
        ))}
      </details>
      {active && (
        <button type="button" className="chip clear" onClick={() => onChange({})}>
          {t('clearFilters')}
        </button>
      )}
    </div>
  );
}
