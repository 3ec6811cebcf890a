/**
 * Every compile error the lexer and the compiler can report, worded for each edition of the book.
 * A diagnostic carries one of these codes and its parameters; `wordMessage` (or `wordDiagnostic`)
 * turns it into a sentence. Parameters are data: names, numbers, code fragments and Pascal type
 * names (`integer`, `array[1..10] of char`), which read the same in both editions.
 */
import { wordings } from '../book/localized-text.ts';
import type { MessageOf } from '../book/localized-text.ts';

/** What the parser found where it expected something else. */
export type FoundToken =
  | { readonly kind: 'end-of-file' }
  | { readonly kind: 'identifier'; readonly name: string }
  /** A symbol, keyword or string, shown in quotes as written. */
  | { readonly kind: 'text'; readonly text: string };

function foundEn(found: FoundToken): string {
  switch (found.kind) {
    case 'end-of-file':
      return 'end of file';
    case 'identifier':
      return `identifier ${found.name}`;
    case 'text':
      return `'${found.text}'`;
  }
}

/** The found token as the object of a Chinese verb: "遇到了文件结尾", "遇到了标识符 x", "遇到了 'x'". */
function foundZh(found: FoundToken): string {
  switch (found.kind) {
    case 'end-of-file':
      return '文件结尾';
    case 'identifier':
      return `标识符 ${found.name}`;
    case 'text':
      return ` '${found.text}'`;
  }
}

/** A parameter that is a Pascal type name. */
type TypeName = string;

const typeKindZh = { pointer: '指针', set: 'set', file: 'file' } as const;
const entryKindZh = { type: '类型', file: '文件' } as const;
const argumentNeedsEn = { integer: 'an integer', ordinal: 'an integer, char or boolean' } as const;
const argumentNeedsZh = { integer: '一个整数', ordinal: '一个整数、字符或布尔值' } as const;

export const compileErrorWordings = {
  // ---------------------------------------------------------------- the lexer
  commentNotClosed: wordings(() => 'comment is not closed', () => '注释没有结束'),
  stringNotClosed: wordings(() => 'string is not closed on this line', () => '字符串在这一行没有结束'),
  unexpectedCharacter: wordings(
    (p: { character: string }) => `unexpected character ${JSON.stringify(p.character)}`,
    (p) => `意外的字符 ${JSON.stringify(p.character)}`,
  ),

  // ---------------------------------------------------------------- syntax
  expectedSymbol: wordings(
    (p: { expected: string; found: FoundToken }) => `expected '${p.expected}', found ${foundEn(p.found)}`,
    (p) => `这里应为 '${p.expected}'，却遇到了${foundZh(p.found)}`,
  ),
  expectedIdentifier: wordings(
    (p: { found: FoundToken }) => `expected an identifier, found ${foundEn(p.found)}`,
    (p) => `这里应为一个标识符，却遇到了${foundZh(p.found)}`,
  ),
  expectedProgramEnd: wordings(
    (p: { found: FoundToken }) => `expected '.' at the end of the program, found ${foundEn(p.found)}`,
    (p) => `程序末尾应为 '.'，却遇到了${foundZh(p.found)}`,
  ),
  textAfterEnd: wordings(
    (p: { found: FoundToken }) => `text after the final 'end.': ${foundEn(p.found)}`,
    (p) => `最后的 'end.' 之后还有内容：${foundZh(p.found).trimStart()}`,
  ),
  programHeading: wordings(
    (p: { found: FoundToken }) => `a program starts with 'program name;', found ${foundEn(p.found)}`,
    (p) => `程序应以 'program 名字;' 开头，却遇到了${foundZh(p.found)}`,
  ),
  expectedResultType: wordings(
    (p: { found: FoundToken }) => `expected ':' and the function's result type, found ${foundEn(p.found)}`,
    (p) => `这里应为 ':' 和函数的结果类型，却遇到了${foundZh(p.found)}`,
  ),
  expectedTypeName: wordings(
    (p: { found: FoundToken }) => `expected a type name, found ${foundEn(p.found)}`,
    (p) => `这里应为一个类型名，却遇到了${foundZh(p.found)}`,
  ),
  expectedConstant: wordings(
    (p: { found: FoundToken }) => `expected a constant, found ${foundEn(p.found)}`,
    (p) => `这里应为一个常量，却遇到了${foundZh(p.found)}`,
  ),
  unexpectedToken: wordings(
    (p: { found: FoundToken }) => `unexpected ${foundEn(p.found)}`,
    (p) => `这里不应出现${foundZh(p.found)}`,
  ),
  expectedSemicolonBetweenStatements: wordings(
    (p: { found: FoundToken }) => `expected ';' between statements, found ${foundEn(p.found)}`,
    (p) => `语句之间应有 ';'，却遇到了${foundZh(p.found)}`,
  ),
  expectedToOrDownto: wordings(
    (p: { found: FoundToken }) => `expected 'to' or 'downto', found ${foundEn(p.found)}`,
    (p) => `这里应为 'to' 或 'downto'，却遇到了${foundZh(p.found)}`,
  ),
  expectedCaseSeparator: wordings(
    (p: { found: FoundToken }) => `expected ';' or 'end' in the case statement, found ${foundEn(p.found)}`,
    (p) => `case 语句中这里应为 ';' 或 'end'，却遇到了${foundZh(p.found)}`,
  ),
  expectedValue: wordings(
    (p: { found: FoundToken }) => `expected a value, found ${foundEn(p.found)}`,
    (p) => `这里应为一个值，却遇到了${foundZh(p.found)}`,
  ),
  useColonEquals: wordings(() => "use ':=' to assign, '=' compares", () => "赋值用 ':='，'=' 是比较"),

  // ---------------------------------------------------------------- limits
  nestedTooDeeplyToCompile: wordings(() => 'the program is nested too deeply to compile', () => '程序嵌套太深，无法编译'),
  statementsNestedTooDeeply: wordings(() => 'statements are nested too deeply', () => '语句嵌套太深'),
  expressionNestedTooDeeply: wordings(() => 'expression nested too deeply', () => '表达式嵌套太深'),
  constantNestedTooDeeply: wordings(() => 'constant expression nested too deeply', () => '常量表达式嵌套太深'),
  tooManyVariables: wordings(
    (p: { limit: number }) => `too many variables: more than ${p.limit} words in one block`,
    (p) => `变量太多：一个块中超过了 ${p.limit} 个字`,
  ),
  arrayTooLarge: wordings(
    (p: { count: number; elementWords: number; limit: number }) =>
      `array too large: ${p.count} elements of ${p.elementWords} words (at most ${p.limit} words)`,
    (p) => `数组太大：${p.count} 个元素，每个 ${p.elementWords} 个字（最多 ${p.limit} 个字）`,
  ),
  recordTooLarge: wordings(() => 'record too large', () => '记录太大'),
  arrayIndexTooLarge: wordings(
    () => 'an array index of type integer is too large: give bounds such as 1..100',
    () => 'integer 类型的数组下标范围太大：请给出 1..100 这样的上下界',
  ),

  // ---------------------------------------------------------------- what the subset leaves out
  labelsNotSupported: wordings(() => 'labels and goto are not supported', () => '不支持标号和 goto'),
  gotoNotSupported: wordings(() => 'goto is not supported', () => '不支持 goto'),
  withNotSupported: wordings(() => 'with statements are not supported', () => '不支持 with 语句'),
  routineParametersNotSupported: wordings(
    () => 'procedure and function parameters are not supported',
    () => '不支持过程参数和函数参数',
  ),
  typeKindNotSupported: wordings(
    (p: { kind: 'pointer' | 'set' | 'file' }) => `${p.kind} types are not supported`,
    (p) => (p.kind === 'pointer' ? '不支持指针类型' : `不支持 ${typeKindZh[p.kind]} 类型`),
  ),
  enumeratedTypesNotSupported: wordings(() => 'enumerated types are not supported', () => '不支持枚举类型'),
  variantRecordsNotSupported: wordings(() => 'variant records are not supported', () => '不支持变体记录'),
  typeNotSupported: wordings((p: { name: string }) => `type ${p.name} is not supported`, (p) => `不支持类型 ${p.name}`),
  realNotSupported: wordings(() => 'real numbers are not supported', () => '不支持实数'),
  realDivisionNotSupported: wordings(
    () => "real division '/' is not supported: use div for integer division",
    () => "不支持实数除法 '/'：整数除法请用 div",
  ),
  decimalPlacesNotSupported: wordings(
    () => "a second ':' (decimal places) is only for real numbers, which are not supported",
    () => "第二个 ':'（小数位数）只用于实数，而这里不支持实数",
  ),
  pointersNotSupported: wordings(() => 'pointers are not supported', () => '不支持指针'),
  setsNotSupported: wordings(() => 'sets and the in operator are not supported', () => '不支持集合和 in 运算符'),

  // ---------------------------------------------------------------- declarations and types
  alreadyDeclared: wordings(
    (p: { name: string }) => `${p.name} is already declared in this scope`,
    (p) => `${p.name} 在此作用域中已经声明过了`,
  ),
  functionResultType: wordings(
    () => 'a function result must be integer, boolean or char',
    () => '函数结果的类型必须是 integer、boolean 或 char',
  ),
  parameterTypeName: wordings(
    () => 'a parameter or result type must be a type name (declare the type under type first)',
    () => '参数或结果的类型必须是一个类型名（先在 type 下声明这个类型）',
  ),
  notAType: wordings((p: { name: string }) => `${p.name} is not a type`, (p) => `${p.name} 不是类型`),
  unknownType: wordings((p: { name: string }) => `unknown type ${p.name}`, (p) => `未知的类型 ${p.name}`),
  subrangeBoundsType: wordings(
    () => 'subrange bounds must be integers, chars or booleans',
    () => '子界的上下界必须是整数、字符或布尔值',
  ),
  subrangeBoundsDiffer: wordings(
    (p: { low: TypeName; high: TypeName }) => `subrange bounds have different types: ${p.low} and ${p.high}`,
    (p) => `子界的上下界类型不同：${p.low} 和 ${p.high}`,
  ),
  subrangeEmpty: wordings(
    (p: { low: number; high: number }) => `subrange ${p.low}..${p.high} is empty: the lower bound is above the upper bound`,
    (p) => `子界 ${p.low}..${p.high} 是空的：下界大于上界`,
  ),
  arrayIndexOrdinal: wordings(
    () => 'an array index must be an ordinal type such as 1..10 or char',
    () => '数组下标必须是有序类型，例如 1..10 或 char',
  ),
  fieldDeclaredTwice: wordings((p: { name: string }) => `field ${p.name} is declared twice`, (p) => `字段 ${p.name} 声明了两次`),

  // ---------------------------------------------------------------- constants
  constantSignNeedsInteger: wordings(
    (p: { found: TypeName }) => `a sign needs an integer constant, found ${p.found}`,
    (p) => `正负号需要一个整数常量，这里却是 ${p.found}`,
  ),
  constantOperatorNeedsIntegers: wordings(
    (p: { operator: string }) => `operator ${p.operator} needs integer constants`,
    (p) => `运算符 ${p.operator} 需要整数常量`,
  ),
  constantOutOfRange: wordings(
    (p: { value: number }) => `constant ${p.value} is out of the integer range (-2147483648..2147483647)`,
    (p) => `常量 ${p.value} 超出了整数范围（-2147483648..2147483647）`,
  ),
  constantDivisionByZero: wordings(() => 'division by zero in a constant', () => '常量中除以零'),
  constantModNegative: wordings(
    () => 'mod by a negative number is an error in ISO Pascal',
    () => '在 ISO Pascal 中对负数取 mod 是错误',
  ),
  notAConstant: wordings((p: { name: string }) => `${p.name} is not a constant`, (p) => `${p.name} 不是常量`),

  // ---------------------------------------------------------------- names
  unknownIdentifier: wordings((p: { name: string }) => `unknown identifier ${p.name}`, (p) => `未知的标识符 ${p.name}`),
  notAVariable: wordings((p: { name: string }) => `${p.name} is not a variable`, (p) => `${p.name} 不是变量`),
  notVariableOrProcedure: wordings(
    (p: { name: string; kind: 'type' | 'file' }) => `${p.name} is a ${p.kind}, not a variable or procedure`,
    (p) => `${p.name} 是${entryKindZh[p.kind]}，不是变量，也不是过程`,
  ),
  typeNotValue: wordings((p: { name: string }) => `${p.name} is a type, not a value`, (p) => `${p.name} 是类型，不是值`),
  fileNotValue: wordings((p: { name: string }) => `${p.name} is a file, not a value`, (p) => `${p.name} 是文件，不是值`),
  procedureHasNoValue: wordings(
    (p: { name: string }) => `${p.name} is a procedure and has no value`,
    (p) => `${p.name} 是过程，没有值`,
  ),
  stringConstantValue: wordings(
    (p: { name: string }) => `${p.name} is a string constant: it can only be written`,
    (p) => `${p.name} 是字符串常量：只能输出它`,
  ),

  // ---------------------------------------------------------------- statements
  conditionNotBoolean: wordings(
    (p: { statement: 'if' | 'while' | 'until'; found: TypeName }) =>
      `the condition of '${p.statement}' must be boolean, found ${p.found}`,
    (p) => `'${p.statement}' 的条件必须是 boolean，这里却是 ${p.found}`,
  ),
  forControlVariable: wordings(
    (p: { name: string }) => `the control variable ${p.name} must be a plain local variable of an ordinal type`,
    (p) => `控制变量 ${p.name} 必须是有序类型的普通局部变量`,
  ),
  forStartType: wordings(
    (p: { expected: TypeName; found: TypeName }) => `the start value must be ${p.expected}, found ${p.found}`,
    (p) => `初值必须是 ${p.expected}，这里却是 ${p.found}`,
  ),
  forLimitType: wordings(
    (p: { expected: TypeName; found: TypeName }) => `the limit must be ${p.expected}, found ${p.found}`,
    (p) => `终值必须是 ${p.expected}，这里却是 ${p.found}`,
  ),
  caseSelectorType: wordings(
    (p: { found: TypeName }) => `a case selector must be integer, char or boolean, found ${p.found}`,
    (p) => `case 的选择表达式必须是 integer、char 或 boolean，这里却是 ${p.found}`,
  ),
  caseLabelType: wordings(
    (p: { expected: TypeName; found: TypeName }) => `case label must be ${p.expected}, found ${p.found}`,
    (p) => `case 标号必须是 ${p.expected}，这里却是 ${p.found}`,
  ),
  duplicateCaseLabel: wordings((p: { label: string }) => `duplicate case label ${p.label}`, (p) => `case 标号 ${p.label} 重复了`),
  emptyCaseRange: wordings(
    (p: { low: number; high: number }) => `empty case label range ${p.low}..${p.high}`,
    (p) => `case 标号范围 ${p.low}..${p.high} 是空的`,
  ),
  functionAsStatement: wordings(
    (p: { name: string }) => `${p.name} is a function: use its value in an expression, or assign to it inside the function`,
    (p) => `${p.name} 是函数：请在表达式中使用它的值，或者在函数内部给它赋值`,
  ),
  builtinFunctionAsStatement: wordings(
    (p: { name: string }) => `${p.name} is a function: use its value in an expression`,
    (p) => `${p.name} 是函数：请在表达式中使用它的值`,
  ),
  assignToConstant: wordings((p: { name: string }) => `cannot assign to the constant ${p.name}`, (p) => `不能给常量 ${p.name} 赋值`),
  assignToForControl: wordings(
    (p: { name: string }) => `${p.name} is the control variable of a for loop and cannot be assigned inside it`,
    (p) => `${p.name} 是 for 循环的控制变量，不能在循环内给它赋值`,
  ),
  typeMismatchAssign: wordings(
    (p: { value: TypeName; target: TypeName }) => `type mismatch: cannot assign ${p.value} to ${p.target}`,
    (p) => `类型不匹配：不能把 ${p.value} 赋给 ${p.target}`,
  ),
  assignFunctionOutside: wordings(
    (p: { name: string }) => `cannot assign to function ${p.name} outside its body`,
    (p) => `不能在函数 ${p.name} 的函数体之外给它赋值`,
  ),

  // ---------------------------------------------------------------- calls
  tooManyArguments: wordings(
    (p: { routine: string; count: number }) => `too many arguments for ${p.routine} (it takes ${p.count})`,
    (p) => `${p.routine} 的实参太多（它只接受 ${p.count} 个）`,
  ),
  tooFewArguments: wordings(
    (p: { routine: string; given: number; needed: number }) => `too few arguments for ${p.routine}: ${p.given} given, ${p.needed} needed`,
    (p) => `${p.routine} 的实参太少：给了 ${p.given} 个，需要 ${p.needed} 个`,
  ),
  needsArguments: wordings(
    (p: { routine: string; count: number }) => `${p.routine} needs ${p.count} argument${p.count === 1 ? '' : 's'}`,
    (p) => `${p.routine} 需要 ${p.count} 个实参`,
  ),
  varArgumentNeedsVariable: wordings(
    (p: { index: number; routine: string }) => `argument ${p.index} of ${p.routine} is a var parameter and needs a variable`,
    (p) => `${p.routine} 的第 ${p.index} 个实参对应 var 参数，必须是一个变量`,
  ),
  varArgumentType: wordings(
    (p: { index: number; routine: string; expected: TypeName; found: TypeName }) =>
      `argument ${p.index} of ${p.routine} must be a variable of type ${p.expected}, found ${p.found}`,
    (p) => `${p.routine} 的第 ${p.index} 个实参必须是 ${p.expected} 类型的变量，这里却是 ${p.found}`,
  ),
  argumentType: wordings(
    (p: { index: number; routine: string; expected: TypeName; found: TypeName }) =>
      `argument ${p.index} of ${p.routine} must be ${p.expected}, found ${p.found}`,
    (p) => `${p.routine} 的第 ${p.index} 个实参必须是 ${p.expected}，这里却是 ${p.found}`,
  ),
  builtinArgument: wordings(
    (p: { name: string; needs: 'integer' | 'ordinal'; found: TypeName }) => `${p.name} needs ${argumentNeedsEn[p.needs]}, found ${p.found}`,
    (p) => `${p.name} 需要${argumentNeedsZh[p.needs]}，这里却是 ${p.found}`,
  ),
  fileArgumentOnlyInput: wordings((p: { name: string }) => `${p.name} takes only the file input`, (p) => `${p.name} 只接受文件 input`),

  // ---------------------------------------------------------------- variables
  notAnArray: wordings(
    (p: { name: string; type: TypeName }) => `${p.name} is not an array (its type is ${p.type})`,
    (p) => `${p.name} 不是数组（它的类型是 ${p.type}）`,
  ),
  arrayIndexType: wordings(
    (p: { expected: TypeName; found: TypeName }) => `array index must be ${p.expected}, found ${p.found}`,
    (p) => `数组下标必须是 ${p.expected}，这里却是 ${p.found}`,
  ),
  notARecord: wordings(
    (p: { name: string; type: TypeName }) => `${p.name} is not a record (its type is ${p.type})`,
    (p) => `${p.name} 不是记录（它的类型是 ${p.type}）`,
  ),
  noSuchField: wordings((p: { field: string }) => `the record has no field ${p.field}`, (p) => `记录中没有字段 ${p.field}`),

  // ---------------------------------------------------------------- write and read
  writeNeedsValue: wordings(() => 'write needs at least one value, e.g. write(x)', () => 'write 至少需要一个值，例如 write(x)'),
  cannotWriteType: wordings(
    (p: { type: TypeName }) => `cannot write a value of type ${p.type}: write its elements or fields one by one`,
    (p) => `不能输出 ${p.type} 类型的值：请逐个输出它的元素或字段`,
  ),
  fieldWidthType: wordings(
    (p: { found: TypeName }) => `a field width must be an integer, found ${p.found}`,
    (p) => `字段宽度必须是整数，这里却是 ${p.found}`,
  ),
  readNeedsVariables: wordings(() => 'read needs variables to read into', () => 'read 需要用来存放读入内容的变量'),
  readNeedsVariable: wordings(() => 'read needs a variable, e.g. read(x)', () => 'read 需要一个变量，例如 read(x)'),
  cannotReadType: wordings(
    (p: { type: TypeName }) => `cannot read a value of type ${p.type}: only integers and chars can be read`,
    (p) => `不能读入 ${p.type} 类型的值：只能读入整数和字符`,
  ),

  // ---------------------------------------------------------------- expressions
  comparisonOperands: wordings(
    (p: { operator: string; found: TypeName }) => `operator ${p.operator} compares integers, chars or booleans, not ${p.found}`,
    (p) => `运算符 ${p.operator} 比较的是整数、字符或布尔值，不能比较 ${p.found}`,
  ),
  cannotCompare: wordings(
    (p: { left: TypeName; right: TypeName }) => `cannot compare ${p.left} with ${p.right}`,
    (p) => `不能把 ${p.left} 和 ${p.right} 相比较`,
  ),
  signNeedsInteger: wordings(
    (p: { found: TypeName }) => `a sign needs an integer, found ${p.found}`,
    (p) => `正负号需要一个整数，这里却是 ${p.found}`,
  ),
  operatorOperands: wordings(
    (p: { operator: string; kind: 'integer' | 'boolean'; found: TypeName }) =>
      `operator ${p.operator} needs ${p.kind} operands, found ${p.found}`,
    (p) => `运算符 ${p.operator} 需要 ${p.kind} 类型的操作数，这里却是 ${p.found}`,
  ),
  notNeedsBoolean: wordings(
    (p: { found: TypeName }) => `not needs a boolean, found ${p.found}`,
    (p) => `not 需要一个布尔值，这里却是 ${p.found}`,
  ),
  integerTooLarge: wordings(
    (p: { text: string; max: number }) => `integer ${p.text} is too large (maxint is ${p.max})`,
    (p) => `整数 ${p.text} 太大了（maxint 是 ${p.max}）`,
  ),
  multiCharacterString: wordings(
    () => "a string of several characters can only be written, e.g. writeln('text')",
    () => "由多个字符组成的字符串只能输出，例如 writeln('text')",
  ),

  // ---------------------------------------------------------------- the compiler itself
  internalError: wordings(
    (p: { detail: string }) => `internal compiler error: ${p.detail}`,
    (p) => `编译器内部错误：${p.detail}`,
  ),
};

/** A compile error: its code and parameters (see `compileErrorWordings`). */
export type CompileErrorMessage = MessageOf<typeof compileErrorWordings>;

/** Every code a compile error can have. */
export type CompileErrorCode = CompileErrorMessage['code'];
