/**
 * The one look of the book's CodeMirror editors (the P-code lab's Pascal editor, the bridge
 * editor's ifcfg files): the page's colours and fonts, gutters, selection, focus ring, tooltips and
 * syntax colours. CodeMirror loads only when an editor is wanted, so its modules come in as
 * arguments; this module imports nothing of CodeMirror but its types.
 */
import type { Extension } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type { HighlightStyle } from '@codemirror/language';
import type { tags as highlightTags } from '@lezer/highlight';
import './code-editor.css';

/** The editor's frame: colours, fonts, gutters, cursor, selection, focus ring and tooltips. */
export function codeEditorTheme(View: typeof EditorView): Extension {
  return [
    View.editorAttributes.of({ class: 'book-code-editor' }),
    View.theme({
      '&': { color: 'var(--sl-color-text)', backgroundColor: 'var(--sl-color-bg)', fontSize: '0.85rem' },
      '&.cm-focused': { outline: '2px solid var(--sl-color-accent)', outlineOffset: '-2px' },
      '.cm-content': { fontFamily: 'var(--__sl-font-mono)', caretColor: 'var(--sl-color-text)' },
      '.cm-gutters': { fontFamily: 'var(--__sl-font-mono)', backgroundColor: 'var(--sl-color-bg-nav)', color: 'var(--sl-color-gray-2)', borderRight: '1px solid var(--sl-color-gray-5)' },
      '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--sl-color-accent) 8%, transparent)' },
      '.cm-cursor, &.cm-focused .cm-cursor': { borderLeftColor: 'var(--sl-color-text)' },
      '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': { backgroundColor: 'var(--code-selection)' },
      // Tooltips (a compile error, a key's meaning) in the page's colours, so they read in both themes.
      '.cm-tooltip': {
        backgroundColor: 'var(--sl-color-bg-nav)',
        color: 'var(--sl-color-text)',
        border: '1px solid var(--sl-color-gray-5)',
        maxWidth: 'min(28rem, calc(100vw - 2rem))',
      },
      '.cm-tooltip-lint .cm-diagnostic': { color: 'var(--sl-color-text)' },
      '.cm-diagnostic-error': { borderLeftColor: 'var(--code-danger)' },
    }),
  ];
}

/** Syntax colours for every language the book edits (Pascal's keywords, ifcfg's keys and expansions). */
export function codeHighlightStyle(Style: typeof HighlightStyle, tags: typeof highlightTags): HighlightStyle {
  return Style.define([
    { tag: tags.keyword, color: 'var(--code-keyword)', fontWeight: '600' },
    { tag: [tags.number, tags.atom, tags.bool], color: 'var(--code-number)' },
    { tag: tags.string, color: 'var(--code-string)' },
    { tag: tags.comment, color: 'var(--code-comment)', fontStyle: 'italic' },
    { tag: tags.propertyName, color: 'var(--code-name)', fontWeight: '600' },
    { tag: tags.variableName, color: 'var(--code-danger)', fontWeight: '600' },
    { tag: tags.invalid, color: 'var(--code-danger)', textDecoration: 'underline' },
  ]);
}
