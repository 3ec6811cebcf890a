import type { MessageCatalogues } from '../book/locale.ts';

// Every string the "available offline" island shows, one catalogue per edition.
export interface OfflineMessages {
  heading: string;
  pagesReady: string;
  pagesPending: string;
  pagesUnsupported: string;
  guestStored: (values: { size: string | number }) => string;
  guestOutdated: string;
  guestNotStored: (values: { size: string | number }) => string;
  store: string;
  storeAgain: string;
  remove: string;
  removed: string;
  progressLabel: string;
  downloading: (values: { label: string | number; loaded: string | number; total: string | number }) => string;
  failed: (values: { message: string | number }) => string;
  retry: string;
}

export const en: OfflineMessages = {
  heading: 'Reading offline',
  pagesReady: 'This browser keeps every page of the book, both editions, and the labs’ code for reading offline.',
  pagesPending: 'This browser is storing the book’s pages for reading offline…',
  pagesUnsupported: 'This browser cannot keep the book offline (no service workers here, e.g. a private window).',
  guestStored: (values) => `The lab VM is available offline: ${values.size} stored.`,
  guestOutdated: 'An older lab VM is stored; the book now uses a newer one. Store it again to power on offline.',
  guestNotStored: (values) => `The lab VM is not stored. Storing it downloads ${values.size}, once.`,
  store: 'Make the lab VM available offline',
  storeAgain: 'Store the new lab VM',
  remove: 'Remove the offline lab VM',
  removed: 'Removed.',
  progressLabel: 'Storing the lab VM',
  downloading: (values) => `Downloading the ${values.label}: ${values.loaded} of ${values.total}`,
  failed: (values) => `Storing failed: ${values.message}`,
  retry: 'Try again',
};

export const zh: OfflineMessages = {
  heading: '离线阅读',
  pagesReady: '这个浏览器已保存全书两种版本的每一页和各个实验的代码，断网也能阅读。',
  pagesPending: '这个浏览器正在保存全书页面，以便离线阅读……',
  pagesUnsupported: '这个浏览器无法离线保存本书（这里没有 Service Worker，比如在无痕窗口中）。',
  guestStored: (values) => `实验虚拟机已可离线使用：已保存 ${values.size}。`,
  guestOutdated: '已保存的是旧版实验虚拟机，本书现在用的是新版。再保存一次，断网时才能开机。',
  guestNotStored: (values) => `实验虚拟机还没有保存。保存要下载 ${values.size}，只下载一次。`,
  store: '让实验虚拟机可以离线使用',
  storeAgain: '保存新版实验虚拟机',
  remove: '删除离线的实验虚拟机',
  removed: '已删除。',
  progressLabel: '正在保存实验虚拟机',
  downloading: (values) => `正在下载${values.label}：${values.loaded} / ${values.total}`,
  failed: (values) => `保存失败：${values.message}`,
  retry: '重试',
};

export const offlineCatalogues: MessageCatalogues<OfflineMessages> = { en, 'zh-CN': zh };
