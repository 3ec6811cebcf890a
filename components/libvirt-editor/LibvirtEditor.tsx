import { useEffect, useMemo, useRef, useState } from 'react';
import {
  checkDomainXml, CPU_MODES, DISK_FORMATS, DISPLAYS, generateDomainXml, MACHINES, NIC_MODELS, virtInstallCommand, wordDomainChoiceProblem,
  wordDomainFinding, type DomainChoiceProblem, type DomainChoices,
} from '../../lib/libvirt/index.ts';
import { pickMessages, type BookLocale } from '../book/locale.ts';
import { defaultState, hostBridgeList, readChoices, readSavedState, LIBVIRT_EDITOR_STATE, type ChoiceTexts, type LibvirtEditorState } from './libvirtEditorState.ts';
import { libvirtEditorCatalogues, type LibvirtEditorMessages } from './messages.ts';
import '../book/file-editor-lab.css';
import { download } from '../book/download.ts';
import { keepUnreadableText, readStoredText, writeStoredText } from '../book/lab-storage.ts';
import './LibvirtEditor.css';
import { recordLabRun } from '../progress/progress-store.ts';

export interface LibvirtEditorProps {
  /** The edition the editor sits in; its .astro wrapper passes the page's locale. */
  locale?: BookLocale;
  messages?: LibvirtEditorMessages;
}

type Field = keyof ChoiceTexts;

export default function LibvirtEditor({ locale, messages = pickMessages(libvirtEditorCatalogues, locale) }: LibvirtEditorProps) {
  const [initial] = useState<LibvirtEditorState>(defaultState);
  const [state, setState] = useState<LibvirtEditorState>(initial);
  const [status, setStatus] = useState('');
  const [undoText, setUndoText] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const editor = useRef<HTMLTextAreaElement>(null);

  // Load what was saved; a field the reader already changed before this ran keeps what they typed.
  useEffect(() => {
    const saved = readSavedState(readStoredText(LIBVIRT_EDITOR_STATE));
    if (saved === 'unreadable') {
      // Kept aside before the first save writes over it.
      keepUnreadableText(LIBVIRT_EDITOR_STATE);
      setStatus(messages.savedUnreadable);
    }
    else if (saved) {
      const s = saved;
      setState((current) => ({
        choices: Object.fromEntries(
          Object.entries(current.choices).map(([k, v]) => [k, v !== initial.choices[k as Field] ? v : s.choices[k as Field]]),
        ) as ChoiceTexts,
        xml: current.xml !== initial.xml ? current.xml : s.xml,
        hostBridges: current.hostBridges !== initial.hostBridges ? current.hostBridges : s.hostBridges,
      }));
    }
    setLoaded(true);
  }, [initial, messages]);

  const saveRefused = useRef(false);
  useEffect(() => {
    if (!loaded) return;
    if (writeStoredText(LIBVIRT_EDITOR_STATE, JSON.stringify(state))) saveRefused.current = false;
    else {
      if (!saveRefused.current) setStatus(messages.notSaved);
      saveRefused.current = true;
    }
  }, [state, loaded, messages]);

  const { choices, problems } = useMemo(() => readChoices(state.choices), [state.choices]);
  const generated = problems.length === 0 ? generateDomainXml(choices as DomainChoices) : '';
  const command = problems.length === 0 ? virtInstallCommand(choices).join(' \\\n  ') : '';
  const bridges = hostBridgeList(state.hostBridges);
  const findings = useMemo(() => checkDomainXml(state.xml, bridges ? { hostBridges: bridges } : {}), [state.xml, state.hostBridges]); // eslint-disable-line react-hooks/exhaustive-deps
  const errors = findings.filter((f) => f.severity === 'error').length;
  const problemOf = (field: Field): DomainChoiceProblem | undefined => problems.find((p) => p.field === field);

  const setChoice = (field: Field, value: string) => {
    recordLabRun('libvirt-editor');
    setState((s) => ({ ...s, choices: { ...s.choices, [field]: value } }));
  };

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(messages.copied);
    } catch {
      setStatus(messages.copyRefused);
    }
  };

  const goTo = (offset: number) => {
    const area = editor.current;
    if (!area) return;
    area.focus();
    area.setSelectionRange(offset, offset);
    // Bring the line into view: the caret's line times the line height.
    const line = state.xml.slice(0, offset).split('\n').length - 1;
    const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 20;
    area.scrollTop = Math.max(0, line * lineHeight - area.clientHeight / 2);
  };

  const textField = (field: Field, label: string, inputMode?: 'numeric') => {
    const problem = problemOf(field);
    const id = `lv-${field}`;
    return (
      <div className="file-editor-lab__field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          type="text"
          inputMode={inputMode}
          spellCheck={false}
          autoComplete="off"
          value={state.choices[field]}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => setChoice(field, e.target.value)}
        />
        {problem && (
          <p id={`${id}-problem`} className="libvirt-editor__problem">
            {wordDomainChoiceProblem(problem, messages.locale)}
          </p>
        )}
      </div>
    );
  };

  const selectField = (field: Field, label: string, options: readonly string[], words?: Record<string, string>) => (
    <div className="file-editor-lab__field">
      <label htmlFor={`lv-${field}`}>{label}</label>
      <select id={`lv-${field}`} value={state.choices[field]} onChange={(e) => setChoice(field, e.target.value)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {words?.[o] ?? o}
          </option>
        ))}
      </select>
    </div>
  );

  const fileName = `${problems.some((p) => p.field === 'name') ? 'domain' : state.choices.name}.xml`;

  return (
    <section className="file-editor-lab libvirt-editor not-content" aria-label={messages.regionLabel}>
      <div className="file-editor-lab__layout">
        <fieldset className="libvirt-editor__form">
          <legend>{messages.choicesLegend}</legend>
          {textField('name', messages.name)}
          <div className="libvirt-editor__pair">
            {textField('memoryMiB', messages.memory, 'numeric')}
            {textField('vcpus', messages.vcpus, 'numeric')}
          </div>
          {textField('diskPath', messages.diskPath)}
          {selectField('diskFormat', messages.diskFormat, DISK_FORMATS)}
          {textField('bridge', messages.bridge)}
          {textField('mac', messages.mac)}
          {selectField('nicModel', messages.nicModel, NIC_MODELS)}
          {selectField('display', messages.display, DISPLAYS, messages.displays)}
          <div className="libvirt-editor__pair">
            {selectField('machine', messages.machine, MACHINES)}
            {selectField('cpuMode', messages.cpuMode, CPU_MODES)}
          </div>
        </fieldset>
        <div className="libvirt-editor__generated">
          <h3 id="lv-generated-heading">{messages.generatedHeading}</h3>
          {generated ? (
            <>
              <pre className="libvirt-editor__output" tabIndex={0} aria-label={messages.generatedLabel}>
                {generated}
              </pre>
              <div className="libvirt-editor__actions">
                <button type="button" onClick={() => void copy(generated)}>{messages.copyXml}</button>
                <button type="button" onClick={() => download(fileName, generated, 'application/xml')}>{messages.downloadXml(fileName)}</button>
              </div>
              <h3>{messages.commandHeading}</h3>
              <pre className="libvirt-editor__output" tabIndex={0} aria-label={messages.commandLabel}>
                {command}
              </pre>
              <div className="libvirt-editor__actions">
                <button type="button" onClick={() => void copy(command)}>{messages.copyCommand}</button>
              </div>
            </>
          ) : (
            <p className="libvirt-editor__problem">{messages.fixChoices}</p>
          )}
        </div>
      </div>

      <h3>{messages.checkerHeading}</h3>
      <p className="libvirt-editor__hint">{messages.checkerIntro}</p>
      <div className="file-editor-lab__field">
        <label htmlFor="lv-host-bridges">{messages.hostBridges}</label>
        <input
          id="lv-host-bridges"
          type="text"
          spellCheck={false}
          autoComplete="off"
          value={state.hostBridges}
          onChange={(e) => setState((s) => ({ ...s, hostBridges: e.target.value }))}
        />
      </div>
      <div className="libvirt-editor__actions">
        <button
          type="button"
          disabled={!generated || generated === state.xml}
          onClick={() => {
            setUndoText(state.xml);
            setState((s) => ({ ...s, xml: generated }));
            setStatus(messages.replaced);
          }}
        >
          {messages.useGenerated}
        </button>
        {undoText !== null && (
          <button
            type="button"
            onClick={() => {
              setState((s) => ({ ...s, xml: undoText }));
              setUndoText(null);
              setStatus(messages.restored);
            }}
          >
            {messages.undo}
          </button>
        )}
      </div>
      <label htmlFor="lv-xml" className="libvirt-editor__editor-label">{messages.editorLabel}</label>
      <textarea
        id="lv-xml"
        ref={editor}
        className="libvirt-editor__xml"
        value={state.xml}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        rows={18}
        aria-describedby="lv-findings-heading"
        onChange={(e) => {
          recordLabRun('libvirt-editor');
          setState((s) => ({ ...s, xml: e.target.value }));
        }}
      />
      <div className="file-editor-lab__findings libvirt-editor__findings" aria-live="polite">
        <h3 id="lv-findings-heading">
          {messages.findingsHeading}
          <span className="libvirt-editor__summary">{messages.summary(errors, findings.length - errors)}</span>
        </h3>
        {findings.length === 0 ? (
          <p className="libvirt-editor__ok">{messages.noFindings}</p>
        ) : (
          <ul>
            {findings.map((f, i) => (
              <li key={i} className={`file-editor-lab__finding file-editor-lab__finding--${f.severity} libvirt-editor__finding`}>
                <button type="button" className="file-editor-lab__where" aria-label={messages.goTo(f.line, f.column)} onClick={() => goTo(f.offset)}>
                  {f.line}:{f.column}
                </button>
                <span className="libvirt-editor__where-text" aria-hidden="true">
                  {f.line}:{f.column}
                </span>{' '}
                <span className="file-editor-lab__severity">{messages.severity[f.severity]}</span>{' '}
                <span>{wordDomainFinding(f, messages.locale)}</span>
                {f.path && (
                  <>
                    {' '}
                    <code className="libvirt-editor__path">{f.path}</code>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
      <p className="libvirt-editor__status" role="status">
        {status}
      </p>
    </section>
  );
}
