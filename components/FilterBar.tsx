import { useState } from 'react';
import type { Facet, Facets, SearchFilters } from '@/utils/archive/search';
import { t } from '@/utils/ui/i18n';

/** chips shown per group before "More…" */
const CHIPS_SHOWN = { popup: 6, library: 10 } as const;

type ChipKey = 'source' | 'section' | 'tag';
type DateKey = 'publishedFrom' | 'publishedTo' | 'clippedFrom' | 'clippedTo';

/**
 * Filter chips (source, section, tag) with counts, and date ranges; every filter combines with the
 * search, and each group's counts are within the other groups' choices (the worker counts them so).
 */
export function FilterBar({
  facets,
  filters,
  onChange,
  layout,
}: {
  facets: Facets | null;
  filters: SearchFilters;
  onChange: (filters: SearchFilters) => void;
  layout: 'popup' | 'library';
}) {
  const toggle = (key: ChipKey, value: string) =>
    onChange({ ...filters, [key]: filters[key] === value ? undefined : value });
  const setDate = (key: DateKey, value: string) => onChange({ ...filters, [key]: value || undefined });
  const groups: Array<{ key: ChipKey; label: string; values: Facet[] }> = facets
    ? [
        { key: 'source', label: t('filterSource'), values: facets.sources },
        { key: 'section', label: t('filterSection'), values: facets.sections },
        { key: 'tag', label: t('filterTag'), values: facets.tags },
      ]
    : [];
  const active = Object.values(filters).some(Boolean);
  const datesSet = Boolean(
    filters.publishedFrom || filters.publishedTo || filters.clippedFrom || filters.clippedTo,
  );
  return (
    <div className={`filter-bar filter-bar-${layout}`} data-testid="filter-bar">
      {groups
        .filter((group) => group.values.length > 0 || filters[group.key])
        .map((group) => (
          <ChipGroup
            key={group.key}
            group={group}
            chosen={filters[group.key]}
            shown={CHIPS_SHOWN[layout]}
            onToggle={(value) => toggle(group.key, value)}
          />
        ))}
      <details className="date-filters" open={layout === 'library' || datesSet}>
        <summary>{t('moreFilters')}</summary>
        {(
          [
            ['publishedRange', 'publishedFrom', 'publishedTo'],
            ['clippedRange', 'clippedFrom', 'clippedTo'],
          ] as const
        ).map(([label, from, to]) => (
          <div className="date-range" key={label} role="group" aria-label={t(label)}>
            <span>{t(label)}</span>
            <input
              type="date"
              aria-label={`${t(label)} ${t('dateFrom')}`}
              data-filter={from}
              value={filters[from] ?? ''}
              onChange={(e) => setDate(from, e.target.value)}
            />
            <span aria-hidden="true">–</span>
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
        <button type="button" className="chip clear" data-testid="clear-filters" onClick={() => onChange({})}>
          {t('clearFilters')}
        </button>
      )}
    </div>
  );
}

function ChipGroup({
  group,
  chosen,
  shown,
  onToggle,
}: {
  group: { key: ChipKey; label: string; values: Facet[] };
  chosen: string | undefined;
  shown: number;
  onToggle: (value: string) => void;
}) {
  const [expanded, setExpanded] = useState(false);
  const values = expanded ? group.values : group.values.slice(0, shown);
  // the chosen value stays visible even when it is not among the most used (or no longer counted)
  if (chosen && !values.some((f) => f.value === chosen)) {
    values.push(group.values.find((f) => f.value === chosen) ?? { value: chosen, count: 0 });
  }
  const hidden = group.values.length - shown;
  return (
    <div className="chip-group" role="group" aria-label={group.label} data-group={group.key}>
      <span className="chip-label">{group.label}</span>
      {values.map(({ value, count }) => (
        <button
          type="button"
          key={value}
          className="chip"
          data-filter={group.key}
          data-value={value}
          aria-pressed={chosen === value}
          title={value}
          onClick={() => onToggle(value)}
        >
          {value}
          <span className="count">
            <span className="visually-hidden"> (</span>
            {count}
            <span className="visually-hidden">)</span>
          </span>
        </button>
      ))}
      {hidden > 0 && (
        <button
          type="button"
          className="chip more"
          aria-expanded={expanded}
          data-testid={`more-${group.key}`}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? t('ui_fewer') : t('ui_more_count', String(hidden))}
        </button>
      )}
    </div>
  );
}
