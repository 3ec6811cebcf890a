/** Chapter 7: which exits KVM_RUN returns for a guest, answered by running lib/kvm-api's monitor. */
import { KVM_EXIT_NAMES, startVmmSession } from '../kvm-api/index.ts';
import { defineExercise } from './exercise.ts';
import { localizedText } from '../book/localized-text.ts';
import { createSeededRandom, type SeededRandom } from './seeded-random.ts';

/** Guest instructions, each with a comment in both editions (none gives the exit away). */
const INSTRUCTIONS: readonly { readonly code: string; readonly en: string; readonly zh: string }[] = [
  { code: 'OUT   0x3f8, r0', en: 'write r0 to port 0x3f8', zh: '把 r0 写到端口 0x3f8' },
  { code: 'IN    r0, 0x3fd', en: 'read port 0x3fd into r0', zh: '从端口 0x3fd 读到 r0' },
  { code: 'STORE r0, [0xf0]', en: 'store r0 at address 0xf0', zh: '把 r0 存到地址 0xf0' },
  { code: 'LOAD  r1, [0xe8]', en: 'load r1 from address 0xe8', zh: '从地址 0xe8 读到 r1' },
  { code: 'STORE r0, [0x70]', en: 'store r0 at address 0x70', zh: '把 r0 存到地址 0x70' },
  { code: 'LOAD  r1, [0x72]', en: 'load r1 from address 0x72', zh: '从地址 0x72 读到 r1' },
  { code: 'ADDI  r0, 1', en: 'r0 = r0 + 1', zh: 'r0 = r0 + 1' },
  { code: 'MOVI  r1, 7', en: 'r1 = 7', zh: 'r1 = 7' },
];

function guestProgram(random: SeededRandom, locale: 'en' | 'zh'): string[] {
  const body: string[] = [];
  const count = random.int(3, 6);
  for (let i = 0; i < count; i++) {
    const instruction = random.pick(INSTRUCTIONS);
    body.push(`        ${instruction.code.padEnd(18)}; ${locale === 'en' ? instruction.en : instruction.zh}`);
  }
  return body;
}

/** The exit reasons, without their KVM_EXIT_ prefix, that the monitor meets running `source` to its end. */
export function exitsOfGuest(source: string): string[] {
  const started = startVmmSession(source);
  if (!started.ok) throw new Error(`vmm-exits: a generated guest does not assemble: ${JSON.stringify(started.errors)}`);
  started.session.runToEnd(10_000);
  return started.session.snapshot().exits.map((exit) => (KVM_EXIT_NAMES[exit.exit_reason] ?? String(exit.exit_reason)).replace(/^KVM_EXIT_/, ''));
}

export const vmmExits = defineExercise({
  id: 'vmm-exits',
  chapter: 'kvm-bridge',
  title: localizedText('Which exits does this guest cause', '这个客户机会引起哪些退出'),
  summary: localizedText(
    'Name, in order, the exit reasons KVM_RUN returns to the monitor for a short guest program.',
    '按顺序写出一段短小的客户机程序让 KVM_RUN 返回给监控器的退出原因。',
  ),
  versions: [1],
  generate(random) {
    // Draw once, word twice: the same instructions in both editions.
    const state = random.int(0, 0x7fffffff);
    const program = (locale: 'en' | 'zh') => {
      const again = createSeededRandom(state);
      return [...guestProgram(again, locale), `        ${'HLT'.padEnd(18)}; ${locale === 'en' ? 'halt' : '停机'}`].join('\n');
    };
    const exits = exitsOfGuest(program('en'));
    return {
      prompt: localizedText(
        'The monitor of the section "A VMM loop you can step" runs this guest (r0 = r1 = 2 before the first KVM_RUN; ' +
          'its one memory slot covers guest-physical words 0x00–0x7f). List, in order, every exit reason KVM_RUN returns until the monitor stops.',
        '“可以单步执行的 VMM 循环”一节中的监控器运行下面这个客户机（第一次 KVM_RUN 之前 r0 = r1 = 2；' +
          '它唯一的内存槽覆盖客户机物理地址 0x00–0x7f 的字）。按顺序写出监控器停下之前 KVM_RUN 返回的每一个退出原因。',
      ),
      figure: localizedText(program('en'), program('zh')),
      answerKind: 'list',
      answerFormat: localizedText('exit reasons in order, without KVM_EXIT_, e.g. IO, MMIO, HLT', '按顺序写退出原因，省略 KVM_EXIT_，例如 IO, MMIO, HLT'),
      answer: exits.join(', '),
      hint: localizedText(
        `${exits.length} exits in all. A port access always leaves the guest; a memory access leaves it only when no slot covers the address.`,
        `一共 ${exits.length} 次退出。访问端口总会离开客户机；访问内存只有在没有内存槽覆盖该地址时才会离开。`,
      ),
      explanation: localizedText(
        `KVM_RUN returned ${exits.join(', ')}: IN and OUT are KVM_EXIT_IO (the monitor plays the serial port), a LOAD or STORE outside 0x00–0x7f is KVM_EXIT_MMIO, ` +
          'anything else runs inside the guest without an exit, and HLT ends the run with KVM_EXIT_HLT (no in-kernel APIC here).',
        `KVM_RUN 依次返回 ${exits.join(', ')}：IN 和 OUT 是 KVM_EXIT_IO（由监控器扮演串口），地址在 0x00–0x7f 之外的 LOAD 或 STORE 是 KVM_EXIT_MMIO，` +
          '其余指令都在客户机内执行、不引起退出，HLT 以 KVM_EXIT_HLT 结束这次运行（这里没有内核中的 APIC）。',
      ),
    };
  },
});
