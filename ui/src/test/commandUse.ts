// Reads how a source file reaches the backend, from its syntax tree (TypeScript's own
// parser, so comments, strings and regular expressions cannot fool it). The one allowed
// form is a literal call `commands.<name>(…)` with `commands` imported by that name from
// the bindings: then the set of names called is exactly what the UI can ask for, and the
// capability in tauri.conf.json can grant exactly those.

import ts from "typescript";

export type CommandUse = {
  /** The camelCase names called as `commands.<name>(`. */
  called: string[];
  /** Every other way of reaching the commands or the IPC, as "line: what". */
  violations: string[];
};

/** Identifiers that reach the IPC without going through a named command. */
const FORBIDDEN_IDENTIFIERS = new Set(["invoke", "__TAURI_INTERNALS__", "__TAURI_INVOKE", "__TAURI_IPC__"]);

/** Modules whose import opens a raw IPC path. */
const FORBIDDEN_MODULES = new Set(["@tauri-apps/api/core", "@tauri-apps/api/tauri"]);

function isBindings(specifier: string): boolean {
  return /(^|\/)bindings(\.ts)?$/.test(specifier);
}

function moduleName(node: ts.Expression | undefined): string | null {
  return node && ts.isStringLiteral(node) ? node.text : null;
}

/** `commands.<name>(…)`: the identifier is the object of a property access that is called. */
function literalCallName(id: ts.Identifier): string | null {
  const access = id.parent;
  if (!access || !ts.isPropertyAccessExpression(access) || access.expression !== id) return null;
  if (access.questionDotToken) return null;
  const call = access.parent;
  if (!call || !ts.isCallExpression(call) || call.expression !== access) return null;
  return access.name.text;
}

/** `import { commands } from "…/bindings"` (not renamed): the one allowed non-call use. */
function isPlainImport(id: ts.Identifier): boolean {
  const spec = id.parent;
  if (!spec || !ts.isImportSpecifier(spec) || spec.propertyName || spec.isTypeOnly) return false;
  const decl = spec.parent?.parent?.parent;
  return Boolean(decl && ts.isImportDeclaration(decl) && isBindings(moduleName(decl.moduleSpecifier) ?? ""));
}

/** Checks one file's text (`fileName` only picks the parser's dialect: .ts or .tsx). */
export function commandUse(fileName: string, text: string): CommandUse {
  const kind = fileName.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const called: string[] = [];
  const violations: string[] = [];
  const where = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const flag = (node: ts.Node, what: string) => violations.push(`${where(node)}: ${what}`);

  function visit(node: ts.Node) {
    if (ts.isImportDeclaration(node)) {
      const from = moduleName(node.moduleSpecifier) ?? "";
      if (FORBIDDEN_MODULES.has(from)) flag(node, `imports ${from} (raw IPC)`);
      const bindings = node.importClause?.namedBindings;
      if (isBindings(from) && bindings && ts.isNamespaceImport(bindings)) {
        flag(node, "imports the bindings as a namespace (commands reachable as a value)");
      }
      if (isBindings(from) && node.importClause?.name) flag(node, "default import of the bindings");
    }
    if (ts.isExportDeclaration(node) && isBindings(moduleName(node.moduleSpecifier) ?? "")) {
      flag(node, "re-exports from the bindings");
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      if (!arg || !ts.isStringLiteral(arg) || isBindings(arg.text) || FORBIDDEN_MODULES.has(arg.text)) {
        flag(node, "dynamic import of the bindings or the IPC");
      }
    }
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) {
      const name = node.text;
      if (name === "commands" && ts.isIdentifier(node)) {
        const callName = literalCallName(node);
        if (callName !== null) called.push(callName);
        else if (!isPlainImport(node)) flag(node, "uses `commands` other than as a literal `commands.<name>(` call");
      } else if (FORBIDDEN_IDENTIFIERS.has(name)) {
        flag(node, `uses ${name} (raw IPC)`);
      }
    }
    if (ts.isStringLiteral(node) && FORBIDDEN_IDENTIFIERS.has(node.text)) {
      flag(node, `names ${node.text} in a string (raw IPC)`);
    }
    ts.forEachChild(node, visit);
  }
  visit(source);
  return { called, violations };
}

/** getSession → get-session (the permission `allow-get-session`). */
export function kebabOf(camel: string): string {
  return camel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
