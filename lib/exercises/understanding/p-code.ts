import type { ChapterUnderstanding } from './understanding-question.ts';

export const pCodeUnderstanding: ChapterUnderstanding = {
  chapter: 'p-code',
  questions: [
    {
      id: 'why-virtualization',
      question: {
        en: 'No operating system runs on a P-machine, and it copies no real computer. In what sense is it virtualization, and what kind of virtual machine is it?',
        'zh-CN': 'P 机上不运行操作系统，它也不复制任何真实的计算机。在什么意义上它算虚拟化？它属于哪一类虚拟机？',
      },
      answer: {
        en: 'It virtualizes the processor: it implements an instruction set architecture (instructions, registers, memory, error behaviour) in software, and programs compiled for it cannot tell that no hardware is behind it. It is a process virtual machine: it exists to run one program and ends with it, unlike a system virtual machine, which provides a whole computer for an operating system.',
        'zh-CN': '它虚拟的是处理器：它用软件实现了一套指令集架构（指令、寄存器、内存以及出错时的行为），为它编译的程序分辨不出背后其实没有硬件。它是进程虚拟机：为运行一个程序而存在，随程序结束而结束；系统虚拟机则不同，它为操作系统提供一整台计算机。',
      },
    },
    {
      id: 'porting-cost',
      question: {
        en: 'In 1978 you want UCSD Pascal, its compiler and every program compiled with it, on a new microcomputer. What do you have to write, and what does the new machine pay for that convenience every time a program runs?',
        'zh-CN': '假设在 1978 年，你想把 UCSD Pascal、它的编译器以及用它编译的所有程序搬到一台新的微型计算机上。你需要写什么？每次运行程序时，新机器要为这种便利付出什么代价？',
      },
      answer: {
        en: 'Only an interpreter for the P-machine (plus a little I/O code) for the new processor: the compiler, the editor and all programs are P-code and run unchanged. The price is speed: every virtual instruction is fetched, decoded and dispatched by the interpreter, so it costs several real instructions, and the program runs several times slower than native code would.',
        'zh-CN': '只需为新处理器写一个 P 机解释器（外加少量 I/O 代码）：编译器、编辑器和所有程序都是 P-code，原样就能运行。代价是速度：每条虚拟指令都要由解释器取指、译码、分派，要花好几条真实指令，所以程序比本机代码慢好几倍。',
      },
    },
    {
      id: 'c-portability',
      question: {
        en: 'The source article says C was designed with the same idea in mind. Compare how a C program and a P-code program reach a new processor. Which one needs its compiler changed, and which one needs nothing but a new interpreter?',
        'zh-CN': '原文说 C 的设计也有同样的考虑。比较一下 C 程序和 P-code 程序各自是怎样移植到新处理器上的：哪一种需要改编译器，哪一种只需要一个新的解释器？',
      },
      answer: {
        en: 'C is portable at the source level: the compiler is retargeted to emit the new processor’s machine code (pcc was built to make that easy) and every program is recompiled; the result runs natively, with no virtual machine. P-code is portable at the binary level: the compiled programs do not change at all; only the interpreter is written anew. The bytecode parallel is Java, not C (though C’s grandparent BCPL used O-code).',
        'zh-CN': 'C 的可移植性在源代码层面：把编译器重定目标，让它生成新处理器的机器码（pcc 就是为此设计的），再把每个程序重新编译一遍；结果直接以本机代码运行，中间没有虚拟机。P-code 的可移植性在二进制层面：编译好的程序一点不改，只需重写解释器。与字节码相对应的是 Java，而不是 C（不过 C 的祖父 BCPL 确实用过 O-code）。',
      },
    },
    {
      id: 'static-vs-dynamic-link',
      question: {
        en: 'In the Nested procedures example, `inner` reads `count`, a variable of `outer`, while `middle` has called itself several times. Why does the P-machine follow the static link and not the dynamic link to find `count`? What would go wrong with the dynamic link?',
        'zh-CN': '在“嵌套过程”示例中，`middle` 已经递归调用了自己好几次，这时 `inner` 读取 `outer` 的变量 `count`。P 机为什么沿静态链而不是动态链去找 `count`？如果沿动态链找，会出什么错？',
      },
      answer: {
        en: 'The static link points to the frame of the routine that encloses this one in the program text, so following it a fixed number of times (the level difference the compiler computed) always reaches `outer`’s frame. The dynamic link points to the caller; after recursion the chain of callers is `middle`, `middle`, `middle`…, so the number of steps to `outer` depends on the run, and a fixed (level, offset) pair would land in the wrong frame and read the wrong variable.',
        'zh-CN': '静态链指向程序正文中包围本例程的那个例程的帧，沿它走固定的步数（编译器算出的层次差）就一定能到达 `outer` 的帧。动态链指向调用者；递归之后，调用链是 `middle`、`middle`、`middle`……，到 `outer` 要走几步取决于运行情况，固定的（层次，偏移）对就会落到错误的帧上，读到错误的变量。',
      },
    },
    {
      id: 'real-numbers',
      question: {
        en: 'The lab’s language rejects `real`, although Wirth’s Pascal-S had real numbers. What would adding them require of the P-machine, given that its stack holds 32-bit words?',
        'zh-CN': '实验的语言不接受 `real`，尽管 Wirth 的 Pascal-S 支持实数。P 机的栈由 32 位字组成，要加入实数，需要对它做哪些改动？',
      },
      answer: {
        en: 'Either real values must fit in a word (32-bit floats, losing precision) or they take two words, so loads, stores, parameters and the frame layout must know the size of each value; the machine needs new instructions for real arithmetic and comparison, conversion between integer and real, and formatted output with `:w:d`; and the instruction set, its table and the JIT’s translation of each instruction grow with them. None of it is conceptually hard, which is why it was left out of a lab about virtual machines, not compilers.',
        'zh-CN': '要么让实数塞进一个字（用 32 位浮点数，损失精度），要么让它占两个字，这样取数、存数、参数传递和栈帧布局都必须知道每个值的大小；机器还需要新的指令：实数运算和比较、整数与实数之间的转换，以及带 `:w:d` 的格式化输出；指令集、指令表和即时编译器对每条指令的翻译都要随之扩充。这些在概念上都不难，正因如此，一个讲虚拟机而不是讲编译器的实验把它省掉了。',
      },
    },
    {
      id: 'jvm-descent',
      question: {
        en: 'Name two features of the Java virtual machine that descend from the P-machine, and one thing a modern JVM does that UCSD’s interpreter did not.',
        'zh-CN': '说出 Java 虚拟机从 P 机继承下来的两个特点，以及现代 JVM 做了而 UCSD 的解释器没有做的一件事。',
      },
      answer: {
        en: 'From the P-machine: an invented stack machine whose instructions work on an operand stack; a frame per call holding local variables and parameters; a compact binary format shipped unchanged to every platform (“write once, run anywhere”, like the p-System’s portable code files). What a modern JVM adds: it does not only interpret; it finds hot code and compiles it to native machine code while the program runs (HotSpot’s JIT, chapter 3). It also verifies bytecode before running it.',
        'zh-CN': '从 P 机继承的：一台虚构的栈式机器，指令在操作数栈上工作；每次调用一个栈帧，存放局部变量和参数；一种紧凑的二进制格式，原样分发到各个平台（“一次编写，到处运行”，就像 p-System 可移植的代码文件）。现代 JVM 多做的：它不只是解释执行，而是在程序运行时找出热代码，把它编译成本机机器码（HotSpot 的即时编译器，见第 3 章）；它还会在运行前校验字节码。',
      },
    },
  ],
};
