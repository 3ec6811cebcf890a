/**
 * Finds English prose left in Chinese text: the rule the Chinese pages and the Chinese exercises are
 * held to (tests/e2e/zh-cn-english-audit.test.ts documents it in full).
 * A stretch of ASCII holding 3 or more English words counts; technical terms, upper-case tokens,
 * code-like tokens, Title Case names, 《titles》 and full-width （glosses） do not.
 */

/** Terms the book uses untranslated in Chinese prose (compared in lower case). */
const TECHNICAL_TERMS = new Set(
  [
    'kvm', 'qemu', 'centos', 'linux', 'debian', 'busybox', 'p-code', 'pascal', 'virtio', 'hypervisor', 'ifcfg', 'ip',
    'initscripts', 'networkmanager', 'nmcli', 'brctl', 'systemd', 'libvirt', 'virsh', 'xen', 'vmware', 'virtualbox',
    'docker', 'namespace', 'cgroup', 'cgroups', 'overlayfs', 'overlay', 'chroot', 'unshare', 'nsenter', 'x86', 'i686',
    'v86', 'webassembly', 'wasm', 'javascript', 'xterm', 'vt-x', 'amd-v', 'ept', 'npt', 'vmcs', 'vmcall', 'hypercall',
    'popf', 'starlight', 'astro', 'github', 'markdown', 'csv', 'iframe', 'lms', 'pdf', 'chromium', 'npm', 'node',
  ].map((t) => t.toLowerCase()),
);

/** Small words that may stay lower case inside a Title Case name: “Formal Requirements for …”. */
const TITLE_SMALL_WORDS = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'vs', 'with']);

const ENGLISH_WORD = /^[A-Za-z]+(?:['’-][A-Za-z]+)*$/;

/** The English stretches (3+ words) in a piece of text, after the exemptions above. */
export function englishRuns(text: string): string[] {
  const found: string[] = [];
  // A stretch: printable ASCII and white space, plus ’ – — which English text uses.
  for (const m of text.matchAll(/[\x20-\x7E\s’–—]+/g)) {
    const stretch = m[0];
    const tokens = stretch.split(/[\s,;:!?()"[\]{}<>*“”]+/).map((t) => t.replace(/[.'’]+$/, '').replace(/^['’]+/, ''));
    const letterWords = tokens.filter((t) => ENGLISH_WORD.test(t));
    const words = letterWords.filter((t) => /[a-z]/.test(t) && !TECHNICAL_TERMS.has(t.toLowerCase()));
    if (words.length < 3) continue;
    const titleCase = /^[A-Z]/.test(letterWords[0]!) && letterWords.every((w) => /^[A-Z]/.test(w) || TITLE_SMALL_WORDS.has(w));
    if (titleCase) continue;
    const before = text.slice(0, m.index).trimEnd().slice(-1);
    const after = text.slice(m.index + stretch.length).trimStart().slice(0, 1);
    const gloss = before === '（' && (after === '）' || after === '，' || after === '、');
    const bookTitle = before === '《' && after === '》';
    if (gloss || bookTitle) continue;
    found.push(stretch.trim().replace(/\s+/g, ' '));
  }
  return found;
}

