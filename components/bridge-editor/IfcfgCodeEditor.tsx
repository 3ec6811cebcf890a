import { useEffect, useRef, useState } from 'react';
import { describeIfcfgKey, wordFinding, wordIfcfgKey, type Finding } from '../../lib/ifcfg/index.ts';
import { codeEditorTheme, codeHighlightStyle } from '../book/code-editor-theme.ts';
import type { BridgeEditorMessages } from './messages.ts';

export interface IfcfgCodeEditorProps {
  id: string;
  label: string;
  value: string;
  findings: readonly Finding[];
  messages: BridgeEditorMessages;
  onChange: (text: string) => void;
  /** Receives a function that moves the cursor to a line and focuses the editor. */
  registerGoTo?: (goTo: (line: number) => void) => void;
}

type View = import('@codemirror/view').EditorView;

/** What the reader had in a textarea: its text, selection and whether it had the focus. */
interface TextareaSnapshot {
  text: string;
  anchor: number;
  head: number;
  focused: boolean;
}

function snapshotTextarea(textarea: HTMLTextAreaElement): TextareaSnapshot {
  const backward = textarea.selectionDirection === 'backward';
  return {
    text: textarea.value,
    anchor: backward ? textarea.selectionEnd : textarea.selectionStart,
    head: backward ? textarea.selectionStart : textarea.selectionEnd,
    focused: textarea.ownerDocument.activeElement === textarea,
  };
}

/**
 * The server-rendered textarea as the reader left it before the island hydrated, or null when it is
 * untouched. Hydration sets a textarea's value back to the rendered one, so this is read during the
 * first render, before React reaches the element.
 */
function typedBeforeHydration(id: string): TextareaSnapshot | null {
  if (typeof document === 'undefined') return null;
  const element = document.getElementById(id);
  if (!(element instanceof HTMLTextAreaElement) || element.value === element.defaultValue) return null;
  return snapshotTextarea(element);
}
type CodeMirror = {
  view: typeof import('@codemirror/view');
  state: typeof import('@codemirror/state');
  lint: typeof import('@codemirror/lint');
};

/** One ifcfg file in CodeMirror (loaded on demand); a plain textarea until it arrives. */
export function IfcfgCodeEditor({ id, label, value, findings, messages, onChange, registerGoTo }: IfcfgCodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<View | null>(null);
  const cm = useRef<CodeMirror | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [ready, setReady] = useState(false);
  const [typedEarly] = useState(() => typedBeforeHydration(id));
  const valueRef = useRef(value);
  valueRef.current = value;

  // Text typed into the page before it came alive is the reader's: put it back, caret and focus too.
  useEffect(() => {
    const textarea = textareaRef.current;
    if (!typedEarly || !textarea) return;
    textarea.value = typedEarly.text;
    textarea.setSelectionRange(Math.min(typedEarly.anchor, typedEarly.head), Math.max(typedEarly.anchor, typedEarly.head), typedEarly.anchor > typedEarly.head ? 'backward' : 'forward');
    if (typedEarly.focused) textarea.focus();
    if (typedEarly.text !== valueRef.current) onChangeRef.current(typedEarly.text);
  }, [typedEarly]);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const [viewModule, stateModule, commands, language, lint, highlight] = await Promise.all([
        import('@codemirror/view'),
        import('@codemirror/state'),
        import('@codemirror/commands'),
        import('@codemirror/language'),
        import('@codemirror/lint'),
        import('@lezer/highlight'),
      ]);
      if (cancelled || !host.current) return;
      const { EditorView, keymap, lineNumbers, hoverTooltip, highlightActiveLine, drawSelection, tooltips } = viewModule;
      const ifcfgLanguage = language.StreamLanguage.define<{ afterEquals: boolean }>({
        name: 'ifcfg',
        startState: () => ({ afterEquals: false }),
        token(stream, state) {
          if (stream.sol()) state.afterEquals = false;
          if (stream.eatSpace()) return null;
          if (stream.peek() === '#' && (stream.sol() || !state.afterEquals || /\s/.test(stream.string.charAt(stream.pos - 1)))) {
            stream.skipToEnd();
            return 'comment';
          }
          if (!state.afterEquals) {
            if (stream.match(/^[A-Za-z_][A-Za-z0-9_]*(?==)/)) return 'propertyName';
            if (stream.eat('=')) { state.afterEquals = true; return 'operator'; }
            stream.next();
            return 'invalid';
          }
          if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) return 'string';
          if (stream.match(/^'[^']*'?/)) return 'string';
          if (stream.match(/^\$(?:\{[^}]*\}?|\(|[A-Za-z_][A-Za-z0-9_]*)/) || stream.eat('`')) return 'variableName';
          if (stream.match(/^(?:yes|no)\b/)) return 'bool';
          if (stream.match(/^[0-9][0-9.:/]*/)) return 'number';
          stream.next();
          return 'atom';
        },
      });
      const keyHover = hoverTooltip((v, pos) => {
        const line = v.state.doc.lineAt(pos);
        const m = /^(\s*)([A-Za-z_][A-Za-z0-9_]*)=/.exec(line.text);
        if (!m) return null;
        const from = line.from + m[1]!.length;
        const to = from + m[2]!.length;
        if (pos < from || pos > to) return null;
        const info = describeIfcfgKey(m[2]!);
        if (!info) return null;
        return {
          pos: from,
          end: to,
          above: true,
          create: () => {
            const dom = document.createElement('div');
            dom.className = 'bridge-editor__hover';
            const title = document.createElement('strong');
            title.textContent = info.key;
            const meaning = document.createElement('p');
            const words = wordIfcfgKey(info, messages.locale);
            meaning.textContent = words.meaning;
            const list = document.createElement('dl');
            for (const [term, text] of [
              [messages.keyHoverValues, words.values],
              [messages.keyHoverDefault, words.defaultValue],
              [messages.keyHoverFile, messages.places[info.place]],
              [messages.keyHoverTool, messages.tools[info.honouredBy]],
            ] as const) {
              const dt = document.createElement('dt');
              dt.textContent = term;
              const dd = document.createElement('dd');
              dd.textContent = text;
              list.append(dt, dd);
            }
            dom.append(title, meaning, list);
            return { dom };
          },
        };
      });
      const typing = textareaRef.current ? snapshotTextarea(textareaRef.current) : null;
      const editor = new EditorView({
        parent: host.current,
        state: stateModule.EditorState.create({
          doc: typing?.text ?? valueRef.current,
          extensions: [
            // Only "\n" ends a line, so a Windows "\r" stays in the text and the crlf rule can see it.
            stateModule.EditorState.lineSeparator.of('\n'),
            lineNumbers(),
            highlightActiveLine(),
            drawSelection(),
            commands.history(),
            keymap.of([...commands.defaultKeymap, ...commands.historyKeymap]),
            ifcfgLanguage,
            language.syntaxHighlighting(codeHighlightStyle(language.HighlightStyle, highlight.tags)),
            lint.lintGutter(),
            keyHover,
            // Tooltips live in <body>, so the page's sidebars never paint over them.
            tooltips({ parent: document.body }),
            codeEditorTheme(EditorView),
            EditorView.lineWrapping,
            EditorView.contentAttributes.of({ 'aria-label': label, id: `${id}-cm` }),
            EditorView.updateListener.of((update) => {
              if (update.docChanged) onChangeRef.current(update.state.doc.toString());
            }),
          ],
        }),
      });
      view.current = editor;
      cm.current = { view: viewModule, state: stateModule, lint };
      // The swap keeps what the reader was doing: the textarea's focus and selection move into the
      // editor in the same task, so no keystroke lands on an element that is about to go away.
      if (typing) {
        const length = editor.state.doc.length;
        editor.dispatch({ selection: { anchor: Math.min(typing.anchor, length), head: Math.min(typing.head, length) } });
        if (typing.focused) editor.focus();
      }
      if (editor.state.doc.toString() !== valueRef.current) onChangeRef.current(editor.state.doc.toString());
      setReady(true);
      requestAnimationFrame(() => editor.requestMeasure());
    })();
    return () => {
      cancelled = true;
      view.current?.destroy();
      view.current = null;
    };
    // The editor is created once; later changes of `value` are pushed in by the effect below.
  }, []);

  // Text changed from outside (the form, a reset, a share link): replace the document.
  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const current = v.state.doc.toString();
    if (current === value) return;
    const head = Math.min(v.state.selection.main.head, value.length);
    v.dispatch({ changes: { from: 0, to: current.length, insert: value }, selection: { anchor: head } });
  }, [value, ready]);

  // Findings → inline diagnostics.
  useEffect(() => {
    const v = view.current;
    const modules = cm.current;
    if (!v || !modules) return;
    const doc = v.state.doc;
    const diagnostics = findings
      .filter((f) => f.line >= 1 && f.line <= doc.lines)
      .map((f) => {
        const line = doc.line(f.line);
        const from = Math.min(line.from + Math.max(0, f.column - 1), line.to);
        const words = wordFinding(f, messages.locale);
        return {
          from,
          to: from === line.to ? line.to : line.to,
          severity: f.severity,
          source: f.rule,
          message: `${words.message}\n${messages.initscriptsLabel} ${words.initscripts}\n${messages.networkManagerLabel} ${words.networkManager}`,
        };
      });
    v.dispatch(modules.lint.setDiagnostics(v.state, diagnostics));
  }, [findings, ready, value, messages]);

  useEffect(() => {
    registerGoTo?.((lineNumber: number) => {
      const v = view.current;
      if (v) {
        const line = v.state.doc.line(Math.min(Math.max(1, lineNumber), v.state.doc.lines));
        v.dispatch({ selection: { anchor: line.from }, scrollIntoView: true });
        v.focus();
        return;
      }
      const ta = textareaRef.current;
      if (ta) {
        const offset = ta.value.split('\n').slice(0, lineNumber - 1).join('\n').length + (lineNumber > 1 ? 1 : 0);
        ta.focus();
        ta.setSelectionRange(offset, offset);
      }
    });
  }, [registerGoTo]);

  return (
    <div className="bridge-editor__code">
      {!ready && (
        <textarea
          ref={textareaRef}
          id={id}
          aria-label={label}
          className="bridge-editor__textarea"
          value={value}
          spellCheck={false}
          rows={Math.max(8, value.split('\n').length + 1)}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <div ref={host} />
    </div>
  );
}
