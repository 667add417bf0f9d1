// The form-js viewer's own texts in the user's language, wherever form-js 1.19's viewer components are rendered: the
// agent's script (evs-script-form.js) and the canvas of the analysts' script editor (evs-script-editor.js), which
// draws the analyst's fields with the same viewer components. Both import this module; the server sets the texts
// (chromeTexts: ui.script.ScriptForm, messages files script.form.viewer.*) and the language (lang).
// @ts-ignore
import { French } from 'flatpickr/dist/esm/l10n/fr.js';
// @ts-ignore
import { english } from 'flatpickr/dist/esm/l10n/default.js';
// @ts-ignore
import { useCallback, useMemo } from 'preact/hooks';

/** A text with {0} {1} filled from a match's groups. */
export function fill(text, m) {
  return text.replace(/\{(\d)\}/g, (all, i) => (m[Number(i) + 1] !== undefined ? m[Number(i) + 1] : all));
}

// The viewer's own texts around the analyst's fields (a select's "Select", a search box's "Search", a table's pager,
// the file picker's button...) are literals of form-js 1.19's components, with no hook either. They are translated
// in the rendered page, only where form-js puts them (each rule names the element form-js renders that text in, and
// the exact English text), from the texts the server sets (chromeTexts: ScriptForm, messages files); a mutation
// observer on the form's own container re-applies them when form-js renders again. What the analyst wrote (labels,
// options, placeholders they set) is never in those places, so it stays as written.
const CHROME_TEXT_RULES = [
  ['.fjs-select-display.fjs-select-placeholder', /^Select$/, 'select'],
  ['.fjs-dropdownlist-empty', /^No results$/, 'noResults'],
  ['.fjs-dropdownlist-empty', /^All values selected$/, 'allSelected'],
  ['.fjs-filepicker-button', /^Browse$/, 'browse'],
  ['.fjs-filepicker-container .fjs-form-field-label', /^No files selected$/, 'noFiles'],
  ['.fjs-filepicker-container .fjs-form-field-label', /^(\d+) files selected$/, 'filesSelected'],
  ['.fjs-skip-link', /^Skip to search$/, 'skipToSearch'],
  ['.fjs-form-field-table', /^Nothing to show\.$/, 'nothingToShow'],
  ['.fjs-form-field-table td', /^Nothing to show\.$/, 'nothingToShow'],
  ['.fjs-table-nav-label', /^ of $/, 'pageOf'],
];
const CHROME_ATTRIBUTE_RULES = [
  ['.fjs-form-field-taglist input.fjs-taglist-input', 'placeholder', /^Search$/, 'search'],
  ['.fjs-form-field-select input', 'placeholder', /^Search$/, 'search'],
  ['.fjs-taglist-tag-remove', 'title', /^Remove tag$/, 'removeTag'],
  ['.fjs-number-arrow-up', 'aria-label', /^Increment$/, 'increment'],
  ['.fjs-number-arrow-down', 'aria-label', /^Decrement$/, 'decrement'],
  ['.fjs-table-nav-button', 'aria-label', /^Previous page$/, 'previousPage'],
  ['.fjs-table-nav-button', 'aria-label', /^Next page$/, 'nextPage'],
  ['.fjs-form-field-table th', 'aria-label', /^Click to sort by (.+) descending$/, 'sortDescending'],
  ['.fjs-form-field-table th', 'aria-label', /^Click to sort by (.+) ascending$/, 'sortAscending'],
  ['.fjs-form-field-table th', 'aria-label', /^Click to remove sorting$/, 'sortRemove'],
  ['.fjs-repeat-row-remove', 'aria-label', /^Remove list item (\d+)$/, 'removeListItem'],
  ['[class*="-download-button"]', 'aria-label', /^Download (.+)$/, 'download'],
];

/** Translates the viewer's own texts under {@code root} (a no-op when {@code texts} is null: English). */
export function translateChrome(root, texts) {
  if (!root || !texts) {
    return;
  }
  for (const [selector, pattern, key] of CHROME_TEXT_RULES) {
    if (!texts[key]) {
      continue;
    }
    for (const el of root.querySelectorAll(selector)) {
      for (const node of el.childNodes) {
        if (node.nodeType === 3) {
          const m = node.data.match(pattern);
          const to = m && (key === 'pageOf' ? ' ' + fill(texts[key], m) + ' ' : fill(texts[key], m));
          // written only when it changes: a write is itself a mutation, and in English the text is the same
          if (m && to !== node.data) {
            node.data = to;
          }
        }
      }
    }
  }
  for (const [selector, attribute, pattern, key] of CHROME_ATTRIBUTE_RULES) {
    if (!texts[key]) {
      continue;
    }
    for (const el of root.querySelectorAll(selector)) {
      const value = el.getAttribute(attribute);
      const m = value && value.match(pattern);
      const to = m && fill(texts[key], m);
      if (m && to !== value) {
        el.setAttribute(attribute, to);
      }
    }
  }
}

// The date picker of form-js's datetime field is a flatpickr instance that form-js creates with flatpickr's English
// names and the browser's date format (form-js 1.19 gives no locale option: Datepicker in its viewer). Each instance
// under the root (flatpickr keeps it on its input, `_flatpickr`) is set once to the user's language through
// flatpickr's own API (`set`: its l10n object, the first day of the week; the format typed and shown), the input's
// placeholder to that format. The format is the language's, never the browser's: French dd/mm/yyyy; English
// mm/dd/yyyy (English is en-US here, as the application's own Vaadin date pickers in English: Intl's "en"), with
// flatpickr's English names and weeks from Sunday. What form-js stores stays an ISO date (yyyy-mm-dd: its
// serializeDate), whatever the format shown.
const DATE_LOCALES = {
  fr: { l10n: French, dateFormat: 'd/m/Y', ariaDateFormat: 'j F Y', placeholder: 'jj/mm/aaaa' },
  en: { l10n: english, dateFormat: 'm/d/Y', ariaDateFormat: 'F j, Y', placeholder: 'mm/dd/yyyy' },
};
const LOCALIZED = new WeakMap();

/** Sets the date pickers under {@code root} to {@code lang} (English for a language without an entry). */
export function localizeDatePickers(root, lang, texts) {
  const locale = root && (DATE_LOCALES[lang] || DATE_LOCALES.en);
  if (!locale) {
    return;
  }
  for (const input of root.querySelectorAll('.fjs-datepicker input')) {
    const picker = input._flatpickr;
    if (!picker || LOCALIZED.get(picker) === lang) {
      continue;
    }
    LOCALIZED.set(picker, lang);
    const l10n = { ...locale.l10n };
    if (texts && texts.calendarMonth) {
      l10n.monthAriaLabel = texts.calendarMonth;
    }
    if (texts && texts.calendarYear) {
      l10n.yearAriaLabel = texts.calendarYear;
    }
    picker.set({ locale: l10n, dateFormat: locale.dateFormat, ariaDateFormat: locale.ariaDateFormat });
    // built once by flatpickr when it was created, in English
    if (picker.monthsDropdownContainer) {
      picker.monthsDropdownContainer.setAttribute('aria-label', l10n.monthAriaLabel);
    }
    const year = picker.calendarContainer && picker.calendarContainer.querySelector('.cur-year');
    if (year && l10n.yearAriaLabel) {
      year.setAttribute('aria-label', l10n.yearAriaLabel);
    }
    // the messages' text (script.form.viewer.datePlaceholder), or the format's own until the server sent them
    const placeholder = (texts && texts.datePlaceholder) || locale.placeholder;
    if (input.getAttribute('placeholder') !== placeholder) {
      input.setAttribute('placeholder', placeholder);
    }
  }
}

/**
 * Keeps the viewer's texts under {@code root} in the user's language: applied now and again each time form-js renders
 * (a mutation observer on the root; each write is made only when the text changes, since a write is itself a mutation
 * and in English the text is the same). {@code texts()} and {@code lang()} are read at each pass. Returns the observer's
 * {@code apply} and {@code disconnect}.
 */
export function watchViewerTexts(root, texts, lang) {
  const apply = () => {
    const t = texts();
    translateChrome(root, t);
    localizeDatePickers(root, lang(), t);
  };
  const observer = new MutationObserver(apply);
  observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true,
    attributeFilter: ['placeholder', 'title', 'aria-label'] });
  apply();
  return { apply, disconnect: () => observer.disconnect() };
}

// The time picker of form-js's datetime field (subtypes time and datetime) is form-js's own input and list, not
// flatpickr: 12-hour (02:30 PM, placeholder "hh:mm --") unless the field's `use24h` is set. The clock follows the
// user's language: in French it is always 24-hour (14:30, the list from 00:00 to 23:45, placeholder "hh:mm"), whatever
// the field says and whatever the browser's locale; in English the field's own setting stands (form-js's "Use 24h",
// 12-hour when not ticked). This is done by registering form-js's datetime field again (an additional module: the
// `formFields` registry, form-js's extension point for field renderers) with a renderer that draws the field with
// `use24h` set and gives form-js back the field it was given, so nothing of the schema changes. What form-js stores
// does not depend on the clock shown: "14:30" typed gives the same answer in both (its serializeTime: 14:30, with the
// UTC offset or normalised to UTC as the field's "time format" says, 2026-03-20T14:30+01:00 for a date and time).
const CLOCK_24H = { fr: true };

/** form-js's datetime renderer drawing every time in 24-hour. */
function datetime24h(Datetime) {
  const Field = function (props, context) {
    const { field, onChange } = props;
    const shown = useMemo(() => (field && field.use24h !== true ? { ...field, use24h: true } : field), [field]);
    const change = useCallback((update) => onChange(update && update.field === shown ? { ...update, field } : update),
      [onChange, field, shown]);
    return Datetime.call(this, { ...props, field: shown, onChange: change }, context);
  };
  Object.assign(Field, Datetime);
  Field.config = Datetime.config;
  return Field;
}

/**
 * An additional module of form-js's viewer or editor: times in {@code lang}'s clock (24-hour in French; a no-op in
 * English, where the field's own setting stands).
 */
export function viewerClockModule(lang) {
  function EvsClock(formFields) {
    const Datetime = CLOCK_24H[lang] && formFields.get('datetime');
    if (Datetime) {
      formFields.register('datetime', datetime24h(Datetime));
    }
  }
  EvsClock.$inject = ['formFields'];
  return { __init__: ['evsClock'], evsClock: ['type', EvsClock] };
}
