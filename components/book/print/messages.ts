/** The print page's own words (its chapters come from each edition's content/docs). */
export const en = {
  title: 'Hands-on Virtualization: the whole book',
  description: 'Every chapter of the book on one page, for printing.',
  contents: 'Contents',
  online: (address: string) => `Online, with its labs: ${address}`,
};

export const zh: typeof en = {
  title: '动手学虚拟化：全书',
  description: '全书各章合在一页上，便于打印。',
  contents: '目录',
  online: (address: string) => `在线版（含实验）：${address}`,
};
