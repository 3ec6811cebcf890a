import type { ChapterUnderstanding } from './understanding-question.ts';

export const jitUnderstanding: ChapterUnderstanding = {
  chapter: 'jit',
  questions: [
    {
      id: 'why-tier1-slow',
      question: {
        en: 'Tier 1 translates every hot block into real WebAssembly, yet it is barely faster than the interpreter, and slower on recursive `fib`. Why? What does tier 2 change to remove the cost?',
        'zh-CN': '第 1 层把每个热块都翻译成了真正的 WebAssembly，却几乎不比解释器快，在递归的 `fib` 上还更慢。为什么？第 2 层改变了什么，才把这份开销去掉？',
      },
      answer: {
        en: 'The blocks are short (two or three per loop body, shorter still around calls), and every block ends by returning to JavaScript, looking up the next address in the translation cache and calling back into WebAssembly. That per-block overhead is as large as the work saved inside the block, so the dispatcher plays the interpreter’s fetch loop one level up. Tier 2 compiles a whole region into one function, where a jump to another block of the region is a branch (through a `br_table` for jumps back and returns), so control stays inside WebAssembly and the dispatcher is no longer visited for each block.',
        'zh-CN': '块都很短（一个循环体只有两三个块，调用附近更短），而每个块结束时都要返回 JavaScript，在翻译缓存里查下一个地址，再调用回 WebAssembly。这份按块计的开销和块内省下的工作差不多大，分派器等于在块这一层重演了解释器的取指循环。第 2 层把一整个区域编译成一个函数，区域内跳到另一个块只是一次分支（向后跳和返回经由 `br_table`），控制一直留在 WebAssembly 里，不必每个块都回到分派器。',
      },
    },
    {
      id: 'threshold-trade-off',
      question: {
        en: 'What happens to a program’s total running time if the threshold is 1 (translate everything at once)? And if it is 1,000,000? Why do real systems such as HotSpot and v86 pick thresholds in the hundreds or hundreds of thousands?',
        'zh-CN': '如果阈值设为 1（一上来就翻译一切），程序的总运行时间会怎样？设为 1,000,000 呢？为什么 HotSpot 和 v86 这样的真实系统把阈值定在几百或几十万？',
      },
      answer: {
        en: 'At 1, every block that ever runs is translated and compiled, including start-up code that runs once; translation time is wasted on code that never pays it back. At 1,000,000, even hot loops stay interpreted for a long time, or for ever in a short program, so most of the possible speed-up is lost. A threshold is a bet that code which has run n times will run many more times: real systems set it by measurement so that translation cost is spent only where the remaining run is long enough to repay it, and the right value depends on how expensive their translation is (v86 compiles whole pages, HotSpot whole methods, with optimizing compilers).',
        'zh-CN': '阈值为 1 时，凡是运行过的块都要翻译和编译，包括只运行一次的启动代码；翻译时间花在了永远赚不回来的代码上。阈值为 1,000,000 时，就连热循环也要在解释器里待很久，短程序甚至始终不会被翻译，大部分本可得到的加速就丢掉了。阈值其实是在押注：已经运行了 n 次的代码还会再运行很多次。真实系统靠测量来定阈值，让翻译的代价只花在剩余运行时间足以把它赚回来的地方；合适的值还取决于翻译本身有多贵（v86 编译整页代码，HotSpot 用优化编译器编译整个方法）。',
      },
    },
    {
      id: 'self-modifying-code',
      question: {
        en: 'A guest operating system loads a new program into memory that used to hold code it had run before. What must a binary translator such as QEMU or v86 do, and what would a reader of the guest see if it did nothing?',
        'zh-CN': '客户机操作系统把一个新程序装进一块内存，而这块内存里原来放着它运行过的代码。QEMU 或 v86 这样的二进制翻译器必须做什么？如果什么都不做，客户机会看到什么？',
      },
      answer: {
        en: 'It must notice the write (QEMU write-protects or tracks pages that hold translated code; v86 marks code pages and calls `jit_dirty_page`), throw away every translation made from that page, undo the chains that lead into them, and translate afresh when the new code runs. If it did nothing, the old translations would keep running: the guest would execute the previous program’s code although its memory holds the new one, a silent violation of equivalence.',
        'zh-CN': '它必须察觉这次写入（QEMU 对存有已翻译代码的页面加写保护或进行跟踪；v86 标记代码页，并调用 `jit_dirty_page`），丢掉由这一页翻译出来的所有代码，撤销通向它们的链接，等新代码运行时再重新翻译。如果什么都不做，旧的翻译结果会继续运行：客户机内存里明明是新程序，执行的却是旧程序的代码，悄无声息地破坏了等价性。',
      },
    },
    {
      id: 'jit-vs-system-translator',
      question: {
        en: 'The article compares binary translation with Java’s HotSpot. Name two things HotSpot and VMware’s 1999 translator have in common, and two things VMware’s translator had to handle that HotSpot never does.',
        'zh-CN': '原文把二进制翻译与 Java 的 HotSpot 相比较。说出 HotSpot 和 VMware 1999 年的翻译器的两个共同点，以及 VMware 的翻译器必须处理、而 HotSpot 从来不用处理的两件事。',
      },
      answer: {
        en: 'In common: both translate code while it runs and keep the translations in a cache, and both concentrate on what runs often. VMware’s translator, unlike HotSpot, rewrites a real instruction set (x86) that was not designed to be translated, and it translates guest kernel code with privileged and sensitive instructions (such as `POPF`) that must be replaced by calls into the monitor; it must also keep up the illusion of a whole machine (interrupts, page tables, self-modifying code in any guest). HotSpot translates bytecode designed for it, inside one process: a process virtual machine.',
        'zh-CN': '共同点：两者都在代码运行时翻译它，并把翻译结果保存在缓存里；两者都把力气集中在经常运行的代码上。与 HotSpot 不同，VMware 的翻译器改写的是一套并非为翻译而设计的真实指令集（x86），而且要翻译客户机内核代码，其中的特权指令和敏感指令（比如 `POPF`）必须替换成对监控器的调用；它还要维持一整台机器的假象（中断、页表、任何客户机里的自修改代码）。HotSpot 翻译的是为它设计的字节码，只在一个进程内部进行：它是进程虚拟机。',
      },
    },
    {
      id: 'caching-analogy',
      question: {
        en: 'The article likens binary translation to caching. Take the analogy term by term: what are the miss, the hit, the locality and the invalidation of a translation cache? Where does the analogy stop?',
        'zh-CN': '原文把二进制翻译比作缓存。逐项对应一下：翻译缓存的未命中、命中、局部性和失效分别是什么？这个比喻在哪里不成立？',
      },
      answer: {
        en: 'Miss: a block runs that has no translation, so the interpreter runs it (and counts it). Hit: the dispatcher finds the block’s translation and calls it. Locality: programs spend most of their time in a few hot blocks, so a small cache of translations covers most of the run. Invalidation: a write to translated code makes the translation stale, so it is dropped. The analogy stops at the cost of a miss: a hardware cache refills by copying the same bytes, cheaply and on every miss; a translator must generate and compile new code, which is expensive, so it fills only for hot blocks, after a threshold.',
        'zh-CN': '未命中：运行到一个还没有翻译结果的块，由解释器执行它（并计数）。命中：分派器找到了这个块的翻译结果并调用它。局部性：程序的大部分时间花在少数几个热块上，所以一个不大的翻译缓存就能覆盖大部分运行。失效：写入已翻译的代码会让翻译结果过时，于是把它丢掉。比喻在未命中的代价上不成立：硬件缓存未命中时只是把同样的字节复制过来，代价小，每次未命中都会填充；翻译器却要生成并编译新代码，代价很大，所以只有块变热、越过阈值之后才填充。',
      },
    },
    {
      id: 'measuring-honestly',
      question: {
        en: 'One run of the lab’s benchmark put tier 2 in the same range as native code from Free Pascal. Give two reasons why that single run does not show that the JIT is as fast as a native compiler, and say how you would measure to find out.',
        'zh-CN': '实验基准测试的一次运行显示，第 2 层与 Free Pascal 生成的本机代码处于同一量级。给出两个理由，说明这一次运行并不能证明即时编译器和本机编译器一样快；再说说你会怎样测量才能弄清楚。',
      },
      answer: {
        en: 'The native times include starting a process, which dominates for programs that run a few milliseconds; and one run on a shared, loaded machine is noisy (other users’ work, CPU frequency, the browser or Node JIT warming up). Also, three small programs are not a representative workload. To find out: use larger inputs so that start-up is negligible (or time inside the native program), repeat runs and report medians and spread, run on an idle machine, state the versions and flags, and compare ratios across several programs rather than one absolute time.',
        'zh-CN': '本机代码的时间包含启动进程的开销，对只运行几毫秒的程序来说，这部分占了大头；在一台负载很重的共享机器上只跑一次，噪声很大（别人的任务、CPU 频率变化、浏览器或 Node 自身即时编译器的预热）。此外，三个小程序也不能代表一般的工作负载。要弄清楚，应当：加大输入规模，让启动开销可以忽略（或者在本机程序内部计时）；多次运行，报告中位数和离散程度；在空闲的机器上测；写明版本和编译选项；比较多个程序上的比值，而不是看一个绝对时间。',
      },
    },
  ],
};
