/** A compile error the reader can act on: where it is and what is wrong. */
export interface Diagnostic {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** `line:column: message`, the form every compile error is shown in. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.line}:${d.column}: ${d.message}`;
}
