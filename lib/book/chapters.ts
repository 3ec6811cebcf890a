/**
 * The book's table of contents, in reading order. It is the single source of the chapter numbers:
 * the sidebar, the page titles, prev/next and search results all take their numbers from here.
 */
export interface BookPage {
  /** Path of the page under content/docs/ without extension; also its URL. */
  slug: string;
  /** Sidebar label in each locale (page titles come from the page itself). */
  label: { en: string; 'zh-CN': string };
  /** Chapters are numbered; the pages after them are not. */
  numbered: boolean;
}

export const bookPages: readonly BookPage[] = [
  { slug: 'origins', label: { en: 'Origins', 'zh-CN': '起源' }, numbered: true },
  { slug: 'p-code', label: { en: 'P-code', 'zh-CN': 'P-code' }, numbered: true },
  { slug: 'jit', label: { en: 'Binary translation and JIT', 'zh-CN': '二进制翻译与即时编译' }, numbered: true },
  {
    slug: 'full-virtualization',
    label: { en: 'Full, para- and hardware-assisted virtualization', 'zh-CN': '全虚拟化、半虚拟化与硬件辅助' },
    numbered: true,
  },
  {
    slug: 'memory-and-devices',
    label: { en: 'Memory, devices and live migration', 'zh-CN': '内存、设备与热迁移' },
    numbered: true,
  },
  { slug: 'containers', label: { en: 'Hypervisors vs containers', 'zh-CN': '虚拟机监控器与容器' }, numbered: true },
  { slug: 'kvm-bridge', label: { en: 'Hands-on: KVM on CentOS 7 with a bridge', 'zh-CN': '动手：在 CentOS 7 上搭建 KVM 与网桥' }, numbered: true },
  { slug: 'lab-vm', label: { en: 'The lab VM', 'zh-CN': '实验虚拟机' }, numbered: false },
  { slug: 'progress', label: { en: 'Your progress', 'zh-CN': '学习进度' }, numbered: false },
  { slug: 'how-the-labs-are-built', label: { en: 'How the labs are built', 'zh-CN': '实验是怎样构建的' }, numbered: false },
  { slug: 'instructors', label: { en: 'For instructors', 'zh-CN': '教师指南' }, numbered: false },
  { slug: 'glossary', label: { en: 'Glossary', 'zh-CN': '术语表' }, numbered: false },
  { slug: 'about', label: { en: 'About this book', 'zh-CN': '关于本书' }, numbered: false },
];

/** The chapter number of a page (1-based), or undefined for unnumbered pages and unknown slugs. */
export function chapterNumber(slug: string): number | undefined {
  let n = 0;
  for (const page of bookPages) {
    if (page.numbered) n++;
    if (page.slug === slug) return page.numbered ? n : undefined;
  }
  return undefined;
}

/** "3. Binary translation and JIT" for a chapter; the title unchanged for any other page. */
export function numberedTitle(slug: string, title: string): string {
  const n = chapterNumber(slug);
  if (n === undefined || title.startsWith(`${n}. `)) return title;
  return `${n}. ${title}`;
}

/** The book slug of a docs entry id or a URL path, with any locale prefix and slashes removed. */
export function bookSlug(idOrPath: string, localePrefixes: readonly string[] = ['zh-cn']): string {
  let s = idOrPath.replace(/^\/+|\/+$/g, '').replace(/\.(md|mdx)$/, '');
  for (const prefix of localePrefixes) {
    if (s === prefix) return '';
    if (s.startsWith(`${prefix}/`)) s = s.slice(prefix.length + 1);
  }
  return s;
}
