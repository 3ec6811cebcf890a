import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  buildBridgeModel,
  checkIfcfgFiles,
  parseIfcfgFile,
  setIfcfgValue,
  toBrctlCommands,
  toIproute2Commands,
  toKeyfiles,
  toNmcliCommands,
  valueOf,
  wordFinding,
  applyNoteWordings,
  type ApplyStep,
  type Finding,
} from '../../lib/ifcfg/index.ts';
import {
  decodeShareHash,
  defaultFiles,
  encodeShareHash,
  fileTooLongForLink,
  keepEditedFiles,
  readSavedFiles,
  BRIDGE_EDITOR_FILES,
  type EditorFile,
} from './bridgeEditorState.ts';
import { interfaceXml } from '../../lib/libvirt/index.ts';
import { guestErrorMessage, wordGuestError } from '../../lib/guest/index.ts';
import { FindingText } from './FindingText.tsx';
import { IfcfgCodeEditor } from './IfcfgCodeEditor.tsx';
import { connectLabVM, type LabVMConnection } from './labVMConnection.ts';
import { bridgeEditorCatalogues, type BridgeEditorMessages } from './messages.ts';
import { pickMessages, type BookLocale } from '../book/locale.ts';
import { wordMessage } from '../../lib/book/localized-text.ts';
import '../book/file-editor-lab.css';
import { useShareLink } from '../book/useShareLink.ts';
import { keepUnreadableText, readStoredText, writeStoredText } from '../book/lab-storage.ts';
import './BridgeEditor.css';
import { download } from '../book/download.ts';
import { recordLabRun } from '../progress/progress-store.ts';

type TabId = 'iproute2' | 'brctl' | 'nmcli' | 'keyfile' | 'libvirt';
const TABS: TabId[] = ['iproute2', 'brctl', 'nmcli', 'keyfile', 'libvirt'];
type ExampleId = keyof BridgeEditorMessages['examples'];

export interface BridgeEditorProps {
  /** The edition the editor sits in; its .astro wrapper passes the page's locale. */
  locale?: BookLocale;
  messages?: BridgeEditorMessages;
}

function setKey(files: EditorFile[], index: number, key: string, value: string | undefined): EditorFile[] {
  return files.map((f, i) => (i === index ? { ...f, text: setIfcfgValue(f.text, key, value === '' ? undefined : value) } : f));
}

function applyExample(files: EditorFile[], example: ExampleId): EditorFile[] {
  switch (example) {
    case 'lowercaseType':
      return setKey(files, 0, 'TYPE', 'bridge');
    case 'ipOnPort': {
      const ip = valueOf(parseIfcfgFile(files[0]!.name, files[0]!.text), 'IPADDR') ?? '192.168.1.10';
      let next = setKey(files, 0, 'IPADDR', undefined);
      next = setKey(next, 0, 'PREFIX', undefined);
      next = setKey(next, 1, 'IPADDR', ip);
      return setKey(next, 1, 'PREFIX', '24');
    }
    case 'stpDelayZero':
      return setKey(setKey(files, 0, 'STP', 'yes'), 0, 'DELAY', '0');
    case 'unquotedName':
      return files.map((f, i) => (i === 0 ? { ...f, text: f.text.replace(/^NAME=.*$/m, 'NAME=My Bridge') + (/^NAME=/m.test(f.text) ? '' : 'NAME=My Bridge\n') } : f));
    case 'crlf':
      return files.map((f, i) => (i === 0 ? { ...f, text: f.text.replace(/\r?\n/g, '\r\n') } : f));
  }
}

export default function BridgeEditor({ locale, messages = pickMessages(bridgeEditorCatalogues, locale) }: BridgeEditorProps) {
  const [initialFiles] = useState<EditorFile[]>(() => defaultFiles(messages.locale));
  const [files, setFiles] = useState<EditorFile[]>(initialFiles);
  const [status, setStatus] = useState('');
  const [tab, setTab] = useState<TabId>('iproute2');
  const [loaded, setLoaded] = useState(false);
  const [vm, setVm] = useState<LabVMConnection | null>(null);
  const [applying, setApplying] = useState(false);
  const [steps, setSteps] = useState<ApplyStep[]>([]);
  const goTo = useRef<Map<number, (line: number) => void>>(new Map());
  const tabRefs = useRef<Map<TabId, HTMLButtonElement>>(new Map());

  // Load: the share link wins over localStorage; a file typed into before this ran keeps its text.
  useEffect(() => {
    const fromHash = decodeShareHash(window.location.hash);
    const load = (loaded: EditorFile[]) => setFiles((current) => keepEditedFiles(current, initialFiles, loaded));
    if (fromHash && fromHash !== 'invalid') {
      load(fromHash.length >= 2 ? fromHash : [...fromHash, ...defaultFiles(messages.locale).slice(fromHash.length)]);
      setStatus(messages.loadedFromLink);
    } else {
      const saved = readSavedFiles(readStoredText(BRIDGE_EDITOR_FILES));
      if (saved && saved !== 'unreadable') load(saved);
      // Kept aside before the first save writes over it.
      if (saved === 'unreadable') keepUnreadableText(BRIDGE_EDITOR_FILES);
      if (fromHash === 'invalid') setStatus(messages.badLink);
      else if (saved === 'unreadable') setStatus(messages.savedUnreadable);
    }
    setLoaded(true);
    return connectLabVM(setVm);
  }, [messages, initialFiles]);

  // Save every change; when the browser refuses, say so once (the text stays on the page).
  const saveRefused = useRef(false);
  useEffect(() => {
    if (!loaded) return;
    if (writeStoredText(BRIDGE_EDITOR_FILES, JSON.stringify(files))) saveRefused.current = false;
    else {
      if (!saveRefused.current) setStatus(messages.notSaved);
      saveRefused.current = true;
    }
  }, [files, loaded, messages]);

  const parsed = useMemo(() => files.map((f) => parseIfcfgFile(f.name, f.text)), [files]);
  const findings = useMemo(() => checkIfcfgFiles(files.map((f) => ({ path: f.name, text: f.text }))), [files]);
  const model = useMemo(() => buildBridgeModel(parsed), [parsed]);
  const bridge = model.bridges[0];
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;

  const v = (index: number, key: string) => valueOf(parsed[index]!, key) ?? '';
  const bootproto = v(0, 'BOOTPROTO').toLowerCase();
  const dhcp = bootproto === 'dhcp' || bootproto === 'bootp';
  const stpOn = ['yes', 'on', '1', 'true', 'y'].includes(v(0, 'STP').toLowerCase());

  const update = useCallback((next: (files: EditorFile[]) => EditorFile[]) => setFiles((current) => next(current)), []);

  const renameDevice = (index: number, device: string) =>
    update((current) => {
      const oldDevice = valueOf(parseIfcfgFile(current[index]!.name, current[index]!.text), 'DEVICE') ?? '';
      let next = setKey(current, index, 'DEVICE', device);
      if (current[index]!.name === `ifcfg-${oldDevice}` && /^[A-Za-z0-9_.:-]{1,15}$/.test(device)) {
        next = next.map((f, i) => (i === index ? { ...f, name: `ifcfg-${device}` } : f));
      }
      const p0 = parseIfcfgFile(next[0]!.name, next[0]!.text);
      const p1 = parseIfcfgFile(next[1]!.name, next[1]!.text);
      const br = valueOf(p0, 'DEVICE') ?? '';
      const port = valueOf(p1, 'DEVICE') ?? '';
      if (index === 0) {
        next = setKey(next, 1, 'BRIDGE', device);
        if (valueOf(p0, 'NAME') === oldDevice) next = setKey(next, 0, 'NAME', device);
      }
      const portName = valueOf(p1, 'NAME');
      if (portName !== undefined && /-port-/.test(portName)) next = setKey(next, 1, 'NAME', `${br}-port-${port}`);
      return next;
    });

  const setBoth = (key: string, value: string) => update((current) => setKey(setKey(current, 0, key, value), 1, key, value));

  const setAddressing = (mode: 'static' | 'dhcp') =>
    update((current) => {
      if (mode === 'dhcp') {
        let next = setKey(current, 0, 'BOOTPROTO', 'dhcp');
        for (const key of ['IPADDR', 'PREFIX', 'NETMASK', 'GATEWAY']) next = setKey(next, 0, key, undefined);
        return next;
      }
      let next = setKey(current, 0, 'BOOTPROTO', 'none');
      const p0 = parseIfcfgFile(next[0]!.name, next[0]!.text);
      if (valueOf(p0, 'IPADDR') === undefined) next = setKey(next, 0, 'IPADDR', '192.168.1.10');
      if (valueOf(p0, 'PREFIX') === undefined && valueOf(p0, 'NETMASK') === undefined) next = setKey(next, 0, 'PREFIX', '24');
      return next;
    });

  const { publish: publishLink } = useShareLink();
  const shareLink = async () => {
    const tooLong = fileTooLongForLink(files);
    if (tooLong) {
      setStatus(messages.linkTooLong(tooLong.name));
      return;
    }
    setStatus((await publishLink(encodeShareHash(files))) ? messages.shareLinkCopied : messages.shareLinkReady);
  };

  const translation = useMemo(() => {
    if (!bridge) return messages.noBridge;
    switch (tab) {
      case 'iproute2':
        return toIproute2Commands(bridge).join('\n');
      case 'brctl':
        return toBrctlCommands(bridge).join('\n');
      case 'nmcli':
        return toNmcliCommands(bridge).join('\n');
      case 'keyfile':
        return toKeyfiles(bridge).map((k) => `# /etc/NetworkManager/system-connections/${k.name}  (chmod 600)\n${k.text}`).join('\n');
      case 'libvirt':
        // A guest's NIC on this bridge, as it goes into the domain XML's <devices>.
        return interfaceXml(bridge.name);
    }
  }, [bridge, tab, messages]);

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = TABS.indexOf(tab);
    let next = index;
    if (event.key === 'ArrowRight') next = (index + 1) % TABS.length;
    else if (event.key === 'ArrowLeft') next = (index + TABS.length - 1) % TABS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = TABS.length - 1;
    else return;
    event.preventDefault();
    setTab(TABS[next]!);
    tabRefs.current.get(TABS[next]!)?.focus();
  };

  const apply = async () => {
    recordLabRun('bridge-editor');
    if (!vm || vm.phase === 'starting') return;
    setApplying(true);
    setSteps([]);
    try {
      await vm.apply(files, bridge?.name ?? v(0, 'DEVICE') ?? 'br0', (step) => setSteps((s) => [...s, step]));
    } catch (error) {
      setSteps((s) => [...s, { command: '', output: wordGuestError(guestErrorMessage(error), messages.locale), status: 1 }]);
    } finally {
      setApplying(false);
    }
  };

  const byFile = (name: string) => findings.filter((f) => f.file === name);
  const field = (id: string, label: string, value: string, onChange: (value: string) => void, extra: Record<string, string> = {}) => (
    <div className="file-editor-lab__field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={value} spellCheck={false} autoComplete="off" onChange={(e) => onChange(e.target.value)} {...extra} />
    </div>
  );

  return (
    <section className="file-editor-lab bridge-editor not-content" aria-label={messages.regionLabel}>
      <div className="file-editor-lab__layout">
        <fieldset className="bridge-editor__form">
          <legend>{messages.formLegend}</legend>
          {field('be-bridge', messages.bridgeName, v(0, 'DEVICE'), (x) => renameDevice(0, x))}
          {field('be-port', messages.portName, v(1, 'DEVICE'), (x) => renameDevice(1, x))}
          {field('be-mac', messages.portMac, v(1, 'HWADDR'), (x) => update((c) => setKey(c, 1, 'HWADDR', x)), { placeholder: '52:54:00:12:34:56' })}
          <fieldset className="bridge-editor__radios">
            <legend>{messages.addressing}</legend>
            <label><input type="radio" name="be-addressing" checked={!dhcp} onChange={() => setAddressing('static')} /> {messages.addressingStatic}</label>
            <label><input type="radio" name="be-addressing" checked={dhcp} onChange={() => setAddressing('dhcp')} /> {messages.addressingDhcp}</label>
          </fieldset>
          {!dhcp && (
            <>
              {field('be-ip', messages.ipAddress, v(0, 'IPADDR'), (x) => update((c) => setKey(c, 0, 'IPADDR', x)), { inputMode: 'decimal' })}
              {field('be-prefix', messages.prefix, v(0, 'PREFIX'), (x) => update((c) => setKey(c, 0, 'PREFIX', x)), { inputMode: 'numeric' })}
              {field('be-gateway', messages.gateway, v(0, 'GATEWAY'), (x) => update((c) => setKey(c, 0, 'GATEWAY', x)), { inputMode: 'decimal' })}
            </>
          )}
          {field('be-dns', messages.dns, v(0, 'DNS1'), (x) => update((c) => setKey(c, 0, 'DNS1', x)), { inputMode: 'decimal' })}
          <div className="bridge-editor__check">
            <input id="be-stp" type="checkbox" checked={stpOn} onChange={(e) => update((c) => setKey(c, 0, 'STP', e.target.checked ? 'yes' : 'no'))} />
            <label htmlFor="be-stp">{messages.stp}</label>
          </div>
          {field('be-delay', messages.delay, v(0, 'DELAY'), (x) => update((c) => setKey(c, 0, 'DELAY', x)), { inputMode: 'numeric' })}
          <div className="bridge-editor__check">
            <input id="be-nm" type="checkbox" checked={v(0, 'NM_CONTROLLED').toLowerCase() !== 'no'} onChange={(e) => setBoth('NM_CONTROLLED', e.target.checked ? 'yes' : 'no')} />
            <label htmlFor="be-nm">{messages.nmControlled}</label>
          </div>
          <div className="bridge-editor__check">
            <input id="be-onboot" type="checkbox" checked={v(0, 'ONBOOT').toLowerCase() !== 'no'} onChange={(e) => setBoth('ONBOOT', e.target.checked ? 'yes' : 'no')} />
            <label htmlFor="be-onboot">{messages.onBoot}</label>
          </div>
          <div className="bridge-editor__examples" role="group" aria-label={messages.examplesLabel}>
            <span>{messages.examplesLabel}:</span>
            {(Object.keys(messages.examples) as ExampleId[]).map((id) => (
              <button key={id} type="button" onClick={() => update((c) => applyExample(c, id))}>{messages.examples[id]}</button>
            ))}
          </div>
        </fieldset>

        <div className="bridge-editor__files" role="group" aria-label={messages.filesLegend}>
          {files.map((file, index) => (
            <div className="bridge-editor__file" key={index}>
              <div className="bridge-editor__file-head">
                <label className="visually-hidden" htmlFor={`be-name-${index}`}>{messages.fileName(index + 1)}</label>
                <input
                  id={`be-name-${index}`}
                  className="bridge-editor__file-name"
                  type="text"
                  value={file.name}
                  spellCheck={false}
                  onChange={(e) => {
                    const name = e.target.value.replace(/[^A-Za-z0-9_.:~-]/g, '').slice(0, 48);
                    update((c) => c.map((f, i) => (i === index ? { ...f, name } : f)));
                  }}
                />
                <button type="button" onClick={() => download(file.name, file.text)}>{messages.download(file.name)}</button>
              </div>
              <IfcfgCodeEditor
                id={`be-text-${index}`}
                label={messages.fileText(file.name)}
                value={file.text}
                findings={byFile(file.name)}
                messages={messages}
                onChange={(text) => update((c) => c.map((f, i) => (i === index ? { ...f, text } : f)))}
                registerGoTo={(fn) => goTo.current.set(index, fn)}
              />
            </div>
          ))}
        </div>
      </div>

      <div className="file-editor-lab__findings bridge-editor__findings" aria-live="polite">
        <h3>{messages.findingsHeading}<span className="bridge-editor__summary">{messages.summary(errors, warnings)}</span></h3>
        {findings.length === 0 ? (
          <p className="bridge-editor__ok">{messages.noFindings}</p>
        ) : (
          <ul>
            {findings.map((f: Finding, i) => {
              const fileIndex = files.findIndex((x) => x.name === f.file);
              const words = wordFinding(f, messages.locale);
              return (
                <li key={i} className={`file-editor-lab__finding file-editor-lab__finding--${f.severity} bridge-editor__finding`}>
                  <button
                    type="button"
                    className="file-editor-lab__where"
                    aria-label={messages.goToLine(f.file, f.line, f.column)}
                    onClick={() => goTo.current.get(fileIndex)?.(f.line)}
                  >
                    {f.file}:{f.line}:{f.column}
                  </button>{' '}
                  <span className="file-editor-lab__severity">{messages.severity[f.severity]}</span>{' '}
                  <code>[{f.rule}]</code> <FindingText text={words.message} />
                  <dl>
                    <dt>{messages.initscriptsLabel}</dt>
                    <dd><FindingText text={words.initscripts} /></dd>
                    <dt>{messages.networkManagerLabel}</dt>
                    <dd><FindingText text={words.networkManager} /></dd>
                  </dl>
                </li>
              );
            })}
          </ul>
        )}
      </div>

      <div className="bridge-editor__translations">
        <h3 id="be-translations">{messages.translationsLabel}</h3>
        <div role="tablist" aria-labelledby="be-translations" className="bridge-editor__tabs">
          {TABS.map((id) => (
            <button
              key={id}
              ref={(el) => { if (el) tabRefs.current.set(id, el); }}
              type="button"
              role="tab"
              id={`be-tab-${id}`}
              aria-selected={tab === id}
              aria-controls="be-tabpanel"
              tabIndex={tab === id ? 0 : -1}
              onClick={() => setTab(id)}
              onKeyDown={onTabKey}
            >
              {messages.tabs[id]}
            </button>
          ))}
        </div>
        <pre id="be-tabpanel" role="tabpanel" aria-labelledby={`be-tab-${tab}`} tabIndex={0} className="bridge-editor__output">{translation}</pre>
      </div>

      <div className="bridge-editor__actions">
        <button type="button" onClick={shareLink}>{messages.copyShareLink}</button>
        <button type="button" onClick={() => { setFiles(defaultFiles(messages.locale)); setStatus(messages.resetDone); }}>{messages.reset}</button>
        <p className="bridge-editor__status" role="status">{status}</p>
      </div>

      <div className="bridge-editor__vm">
        <h3>{messages.vmHeading}</h3>
        <p>{messages.vmIntro}</p>
        <button type="button" onClick={apply} disabled={!vm || applying || vm.phase === 'starting'}>
          {applying ? messages.vmApplying : messages.vmApply}
        </button>
        <p className="bridge-editor__hint" role="status">
          {!vm ? messages.vmUnavailable : vm.phase === 'starting' ? messages.vmStarting : vm.phase === 'off' ? messages.vmOff : vm.phase === 'error' ? messages.vmError(vm.error ? wordGuestError(vm.error, messages.locale) : '') : messages.vmRunning}
        </p>
        {steps.length > 0 && (
          <pre className="bridge-editor__output bridge-editor__vm-output" tabIndex={0} aria-label={messages.vmHeading}>
            {steps.map((s) => `${s.command ? `# ${s.command}\n` : ''}${(s.note ? wordMessage(applyNoteWordings, s.note, messages.locale) : s.output).replace(/\s+$/, '')}\n`).join('\n')}
          </pre>
        )}
      </div>
    </section>
  );
}
