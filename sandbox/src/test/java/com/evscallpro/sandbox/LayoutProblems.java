package com.evscallpro.sandbox;

import com.microsoft.playwright.Page;
import java.util.List;

/**
 * What is wrong with the layout of the page shown now, measured in the browser, as "what: where" lines (empty: it
 * fits): the page or the layout's content area scrolling sideways; a control (button, field, grid, link…) lying, even
 * partly, outside the window; when a dialog is open, the dialog itself wider or taller than the window or scrolling
 * sideways, and its controls cut off by its edges (the page behind the dialog is then not looked at); a button's text
 * or a field's label cut short (an ellipsis: French texts are longer); two controls lying over each other (in a
 * dialog, as far as its content shows them: it scrolls up and down under its header and footer); a menu bar too
 * narrow for its entries (hidden behind its overflow button); a row's button, menu or link out of its grid's sight
 * (reached only by scrolling the grid sideways). Otherwise controls in grids (which
 * scroll their own columns) and in the closed drawer are left out.
 */
final class LayoutProblems {

    private static final String SCRIPT = """
            () => {
              const problems = [];
              const width = window.innerWidth;
              const height = window.innerHeight;
              const de = document.documentElement;
              if (de.scrollWidth > de.clientWidth + 1) {
                problems.push('the page scrolls sideways: ' + de.scrollWidth + ' > ' + de.clientWidth);
              }
              if (document.body.scrollWidth > document.body.clientWidth + 1) {
                problems.push('the body scrolls sideways: ' + document.body.scrollWidth + ' > '
                    + document.body.clientWidth);
              }
              const layout = document.querySelector('vaadin-app-layout');
              const content = layout && layout.shadowRoot.querySelector('[content]');
              if (content && content.scrollWidth > content.clientWidth + 1) {
                problems.push('the content scrolls sideways: ' + content.scrollWidth + ' > ' + content.clientWidth);
              }
              const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "'
                  + (el.getAttribute('label') || el.getAttribute('header-title')
                    || (el.textContent || '').trim().replace(/\\s+/g, ' ').substring(0, 40)) + '"';
              const overlays = Array.from(document.querySelectorAll(
                  'vaadin-dialog-overlay[opened], vaadin-confirm-dialog-overlay[opened]'));
              const dialog = overlays.length ? overlays[overlays.length - 1] : null; // the one on top
              let box = null;
              let view = null; // what the dialog's content shows of itself (it scrolls up and down)
              if (dialog) {
                const part = dialog.shadowRoot.querySelector('[part=overlay]');
                const inner = dialog.shadowRoot.querySelector('[part=content]');
                box = part.getBoundingClientRect();
                view = inner.getBoundingClientRect();
                const title = name(dialog);
                if (box.left < -1 || box.right > width + 1 || box.top < -1 || box.bottom > height + 1) {
                  problems.push('the dialog ' + title + ' exceeds the window: ' + Math.round(box.left) + '..'
                      + Math.round(box.right) + ' × ' + Math.round(box.top) + '..' + Math.round(box.bottom));
                }
                if (inner && inner.scrollWidth > inner.clientWidth + 1) {
                  problems.push('the dialog ' + title + ' scrolls sideways: ' + inner.scrollWidth + ' > '
                      + inner.clientWidth);
                }
              }
              const controls = 'vaadin-button, vaadin-text-field, vaadin-password-field, vaadin-email-field, '
                  + 'vaadin-text-area, vaadin-integer-field, vaadin-number-field, vaadin-big-decimal-field, '
                  + 'vaadin-combo-box, vaadin-multi-select-combo-box, vaadin-select, vaadin-date-picker, '
                  + 'vaadin-time-picker, vaadin-date-time-picker, vaadin-checkbox, vaadin-checkbox-group, '
                  + 'vaadin-radio-group, vaadin-menu-bar, vaadin-upload, vaadin-tabs, vaadin-grid, a[href]';
              const shown = [];
              for (const el of document.querySelectorAll(controls)) {
                if (el.closest('vaadin-grid') !== null && el.tagName !== 'VAADIN-GRID') continue;
                if (el.closest('[slot=drawer]') !== null) continue;
                if (dialog && el.closest('vaadin-dialog-overlay, vaadin-confirm-dialog-overlay') !== dialog) continue;
                let r = el.getBoundingClientRect();
                if (r.width === 0 && r.height === 0) continue; // not shown
                if (dialog && el.closest('[slot=footer], [slot=header-content], [slot=title]') === null) {
                  const top = Math.max(r.top, view.top);
                  const bottom = Math.min(r.bottom, view.bottom);
                  if (bottom - top <= 0) continue; // scrolled out of the dialog's view
                  r = new DOMRect(r.left, top, r.width, bottom - top);
                }
                if (r.left < -1 || r.right > width + 1) {
                  problems.push(name(el) + ' cut off by the window: ' + Math.round(r.left) + '..' + Math.round(r.right)
                      + ' of ' + width);
                } else if (box && (r.left < box.left - 1 || r.right > box.right + 1)) {
                  problems.push(name(el) + ' cut off by the dialog: ' + Math.round(r.left) + '..' + Math.round(r.right)
                      + ' of ' + Math.round(box.left) + '..' + Math.round(box.right));
                }
                const label = el.shadowRoot && el.shadowRoot.querySelector('[part=label]');
                if (label && label.clientWidth > 0 && label.scrollWidth > label.clientWidth + 1) {
                  problems.push(name(el) + ' has its text cut short: ' + label.scrollWidth + ' > ' + label.clientWidth);
                }
                if (el.tagName === 'VAADIN-MENU-BAR' && el.hasAttribute('has-overflow')) {
                  problems.push(name(el) + ' squeezed: its entries hidden behind an overflow button');
                }
                shown.push([el, r]);
                if (el.tagName === 'VAADIN-GRID') { // its rows' actions: in sight without scrolling the grid sideways
                  const out = Array.from(el.querySelectorAll('vaadin-grid-cell-content')).flatMap(c => Array.from(
                      c.querySelectorAll('vaadin-button, vaadin-menu-bar, a[href]'))).find(a => {
                        const ar = a.getBoundingClientRect();
                        return ar.width > 0 && (ar.right > r.right + 1 || ar.left < r.left - 1);
                      });
                  const squeezed = el.querySelector('vaadin-grid-cell-content vaadin-menu-bar[has-overflow]');
                  if (squeezed) {
                    problems.push(name(squeezed) + ' in ' + name(el).split(' ')[0]
                        + ' squeezed: its entries hidden behind an overflow button');
                  }
                  if (out) {
                    const ar = out.getBoundingClientRect();
                    problems.push(name(out) + ' in ' + name(el).split(' ')[0] + ' out of sight in its grid: '
                        + Math.round(ar.left) + '..' + Math.round(ar.right) + ' of ' + Math.round(r.left) + '..'
                        + Math.round(r.right));
                  }
                }
              }
              for (let i = 0; i < shown.length; i++) {
                for (let j = i + 1; j < shown.length; j++) {
                  const [a, ra] = shown[i];
                  const [b, rb] = shown[j];
                  if (a.contains(b) || b.contains(a)) continue;
                  const across = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
                  const down = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
                  if (across > 2 && down > 2) {
                    problems.push(name(a) + ' and ' + name(b) + ' lie over each other');
                  }
                }
              }
              return problems;
            }""";

    private LayoutProblems() {
    }

    /** The problems of the page as it is shown now (see the class). */
    @SuppressWarnings("unchecked")
    static List<String> of(Page page) {
        return (List<String>) page.evaluate(SCRIPT);
    }
}
