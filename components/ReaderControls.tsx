import { READER_FONT_SIZES, READER_THEMES, READER_WIDTHS, type ReaderSettings } from '@/utils/ui/settings';
import { t } from '@/utils/ui/i18n';

/** Type size, line width, typeface and theme of the reader; kept across clips (settings.reader). */
export function ReaderControls({
  look,
  onChange,
}: {
  look: ReaderSettings;
  onChange: (change: Partial<ReaderSettings>) => void;
}) {
  const sizeIndex = READER_FONT_SIZES.indexOf(look.fontSize);
  const stepSize = (step: number) => {
    const next = READER_FONT_SIZES[sizeIndex + step];
    if (next) onChange({ fontSize: next });
  };
  return (
    <details className="reader-controls" data-testid="reader-controls">
      <summary className="button quiet" aria-label={t('ui_reader_look')}>
        <span aria-hidden="true">Aa</span>
      </summary>
      <div className="reader-controls-panel">
        <div className="control-row" role="group" aria-label={t('ui_reader_size')}>
          <span>{t('ui_reader_size')}</span>
          <button
            type="button"
            data-testid="reader-smaller"
            aria-label={t('ui_reader_smaller')}
            disabled={sizeIndex <= 0}
            onClick={() => stepSize(-1)}
          >
            A−
          </button>
          <output data-testid="reader-size" aria-live="polite">
            {look.fontSize}
          </output>
          <button
            type="button"
            data-testid="reader-larger"
            aria-label={t('ui_reader_larger')}
            disabled={sizeIndex >= READER_FONT_SIZES.length - 1}
            onClick={() => stepSize(1)}
          >
            A+
          </button>
        </div>
        <Choice
          label={t('ui_reader_width')}
          name="width"
          value={look.width}
          options={READER_WIDTHS}
          text={(w) => t(`ui_reader_width_${w}`)}
          onChange={(width) => onChange({ width })}
        />
        <Choice
          label={t('ui_reader_font')}
          name="font"
          value={look.font}
          options={['sans', 'serif'] as const}
          text={(f) => t(`ui_reader_font_${f}`)}
          onChange={(font) => onChange({ font })}
        />
        <Choice
          label={t('ui_reader_theme')}
          name="theme"
          value={look.theme}
          options={READER_THEMES}
          text={(theme) => t(`ui_reader_theme_${theme}`)}
          onChange={(theme) => onChange({ theme })}
        />
      </div>
    </details>
  );
}

/** A row of mutually exclusive buttons (radio buttons drawn as a segmented control). */
function Choice<T extends string>({
  label,
  name,
  value,
  options,
  text,
  onChange,
}: {
  label: string;
  name: string;
  value: T;
  options: readonly T[];
  text: (option: T) => string;
  onChange: (option: T) => void;
}) {
  return (
    <fieldset className="control-row segmented">
      <legend>{label}</legend>
      {options.map((option) => (
        <label key={option} className={option === value ? 'checked' : undefined}>
          <input
            type="radio"
            name={name}
            value={option}
            data-testid={`reader-${name}-${option}`}
            checked={option === value}
            onChange={() => onChange(option)}
          />
          {text(option)}
        </label>
      ))}
    </fieldset>
  );
}
