// The form-js viewer's own texts in the user's language, wherever form-js 1.19's viewer components are rendered: the
// agent's script (evs-script-form.js) and the canvas of the analysts' script editor (evs-script-editor.js), which
// draws the analyst's fields with the same viewer components. Both import this module; the server sets the texts
// (chromeTexts: ui.script.ScriptForm, messages files script.form.viewer.*) and the language (lang).
// @ts-ignore
import { French } from 'flatpickr/dist/esm/l10n/fr.js';

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
// placeholder to that format. What form-js stores stays an ISO date (yyyy-mm-dd: its serializeDate), whatever the
// format shown. English keeps form-js's own (no entry here).
const DATE_LOCALES = {
  fr: { l10n: French, dateFormat: 'd/m/Y', ariaDateFormat: 'j F Y' },
};
const LOCALIZED = new WeakMap();

/** Sets the date pickers under {@code root} to {@code lang} (a no-op for a language without an entry: English). */
export function localizeDatePickers(root, lang, texts) {
  const locale = root && DATE_LOCALES[lang];
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
    if (texts && texts.datePlaceholder && input.getAttribute('placeholder') !== texts.datePlaceholder) {
      input.setAttribute('placeholder', texts.datePlaceholder);
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
