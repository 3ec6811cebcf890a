import { useEffect, useRef, useState } from 'react';
import type { EditorView } from '@codemirror/view';
import { wordDiagnostic } from '../../lib/pascal/index.ts';
import type { Diagnostic } from '../../lib/pascal/index.ts';
import { codeEditorTheme, codeHighlightStyle } from '../book/code-editor-theme.ts';
import type { BookLocale } from '../book/locale.ts';

export interface PascalEditorProps {
  value: string;
  onChange: (text: string) => void;
  diagnostics: readonly Diagnostic[];
  /** The edition the compile errors are worded for. */
  locale: BookLocale;
  /** CodeMirror's own words in that edition. */
  phrases: Record<string, string>;
  /** Source line of the next instruction (0: none). */
  currentLine: number;
  /** Source line linked from the listing (0: none). */
  linkedLine: number;
  /** The reader moved the cursor to this line. */
  onCursorLine: (line: number) => void;
  label: string;
  loadingText: string;
  /** Increments when `value` is replaced from outside (example, share link): the editor takes it as an undoable change. */
  replaceToken: number;
}

/** What the effect loads: CodeMirror and the pieces built from it. */
interface EditorKit {
  view: EditorView;
  setLines: (current: number, linked: number) => void;
  setDiagnostics: (diagnostics: readonly Diagnostic[]) => void;
}

/**
 * The Pascal editor: CodeMirror 6 with the legacy Pascal mode, compile errors inline, and two line
 * highlights (the line being executed, the line linked from the listing). CodeMirror loads on
 * demand; until then a plain textarea does the job.
 */
export default function PascalEditor(props: PascalEditorProps) {
  const host = useRef<HTMLDivElement | null>(null);
  const kit = useRef<EditorKit | null>(null);
  const [ready, setReady] = useState(false);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const [{ EditorState, StateEffect, StateField, RangeSetBuilder }, view, commands, language, { pascal }, lint, { tags }] = await Promise.all([
        import('@codemirror/state'),
        import('@codemirror/view'),
        import('@codemirror/commands'),
        import('@codemirror/language'),
        import('@codemirror/legacy-modes/mode/pascal'),
        import('@codemirror/lint'),
        import('@lezer/highlight'),
      ]);
      if (cancelled || !host.current) return;
      const { EditorView: View, Decoration, keymap, lineNumbers, highlightActiveLineGutter, drawSelection } = view;
      const setLinesEffect = StateEffect.define<{ current: number; linked: number }>();
      const currentMark = Decoration.line({ class: 'hov-pc-line-current' });
      const linkedMark = Decoration.line({ class: 'hov-pc-line-linked' });
      const lineField = StateField.define({
        create: () => Decoration.none,
        update(decorations, tr) {
          let next = decorations.map(tr.changes);
          for (const effect of tr.effects) {
            if (!effect.is(setLinesEffect)) continue;
            const builder = new RangeSetBuilder<typeof currentMark>();
            const doc = tr.state.doc;
            const marks: [number, typeof currentMark][] = [];
            if (effect.value.linked > 0 && effect.value.linked <= doc.lines) marks.push([effect.value.linked, linkedMark]);
            if (effect.value.current > 0 && effect.value.current <= doc.lines) marks.push([effect.value.current, currentMark]);
            marks.sort((a, b) => a[0] - b[0]);
            for (const [line, mark] of marks) builder.add(doc.line(line).from, doc.line(line).from, mark);
            next = builder.finish();
          }
          return next;
        },
        provide: (field) => View.decorations.from(field),
      });
      const initial = latest.current;
      const state = EditorState.create({
        doc: initial.value,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          drawSelection(),
          commands.history(),
          keymap.of([...commands.defaultKeymap, ...commands.historyKeymap]),
          language.StreamLanguage.define(pascal),
          language.syntaxHighlighting(codeHighlightStyle(language.HighlightStyle, tags)),
          lint.lintGutter(),
          lineField,
          codeEditorTheme(View),
          View.lineWrapping,
          View.contentAttributes.of({ 'aria-label': initial.label }),
          EditorState.phrases.of(initial.phrases),
          View.updateListener.of((update) => {
            if (update.docChanged) latest.current.onChange(update.state.doc.toString());
            if (update.selectionSet || update.docChanged) {
              const line = update.state.doc.lineAt(update.state.selection.main.head).number;
              if (update.selectionSet && update.view.hasFocus) latest.current.onCursorLine(line);
            }
          }),
        ],
      });
      const editor = new View({ state, parent: host.current });
      kit.current = {
        view: editor,
        setLines: (current, linked) => editor.dispatch({ effects: setLinesEffect.of({ current, linked }) }),
        setDiagnostics: (diagnostics) => {
          const doc = editor.state.doc;
          const items = diagnostics.map((d) => {
            const line = doc.line(Math.min(Math.max(1, d.line), doc.lines));
            const from = Math.min(line.from + Math.max(0, d.column - 1), line.to);
            const word = /^[\w']+/.exec(doc.sliceString(from, line.to));
            const to = Math.min(line.to, from + Math.max(1, word ? word[0].length : 1));
            return { from, to: Math.max(to, from), severity: 'error' as const, message: wordDiagnostic(d, latest.current.locale) };
          });
          editor.dispatch(lint.setDiagnostics(editor.state, items));
        },
      };
      kit.current.setDiagnostics(latest.current.diagnostics);
      kit.current.setLines(latest.current.currentLine, latest.current.linkedLine);
      setReady(true);
    })();
    return () => {
      cancelled = true;
      kit.current?.view.destroy();
      kit.current = null;
    };
  }, []);

  // Text replaced from outside (an example, a share link, a restore): an undoable change.
  useEffect(() => {
    const k = kit.current;
    if (!k) return;
    const current = k.view.state.doc.toString();
    if (current !== props.value) k.view.dispatch({ changes: { from: 0, to: current.length, insert: props.value } });
  }, [props.replaceToken, ready]);

  useEffect(() => {
    kit.current?.setDiagnostics(props.diagnostics);
  }, [props.diagnostics, props.locale, ready]);

  useEffect(() => {
    kit.current?.setLines(props.currentLine, props.linkedLine);
  }, [props.currentLine, props.linkedLine, ready]);

  // Keep the executing line, or else the linked one, in view: scroll the editor only, never the page.
  useEffect(() => {
    const view = kit.current?.view;
    const line = props.currentLine || props.linkedLine;
    if (!view || line < 1 || line > view.state.doc.lines) return;
    const block = view.lineBlockAt(view.state.doc.line(line).from);
    const scroller = view.scrollDOM;
    const top = block.top;
    if (top < scroller.scrollTop || top + block.height > scroller.scrollTop + scroller.clientHeight) {
      scroller.scrollTop = Math.max(0, top - scroller.clientHeight / 3);
    }
  }, [props.currentLine, props.linkedLine, ready]);

  return (
    <div className="hov-pc-editor" data-ready={ready ? 'true' : 'false'}>
      <div ref={host} className="hov-pc-editor-host" />
      {!ready && (
        <>
          <textarea
            className="hov-pc-editor-fallback"
            aria-label={props.label}
            value={props.value}
            spellCheck={false}
            onChange={(e) => props.onChange(e.target.value)}
            rows={16}
          />
          <p className="hov-pc-muted">{props.loadingText}</p>
        </>
      )}
    </div>
  );
}
