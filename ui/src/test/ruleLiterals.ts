// Finds input rules written in TypeScript, from the syntax tree (TypeScript's own parser).
// Every rule lives in Rust once (barrack-api's validate, forms, state and costs); the UI asks
// through commands and reads limits from the generated constants. What counts as a rule
// literal is derived from those constants, so a limit added in Rust is looked for here too.

import ts from "typescript";
import { RULE_CHOICES, RULE_LIMITS, STORAGE_STATES, TRANSITIONAL_VM_STATES } from "../bindings";

/** The backend's caps on hostile input (not rules a person meets): everyday numbers like 200. */
const INPUT_CAPS = new Set(["rulesMax", "takenNamesMax", "textMaxBytes"]);

/** Numbers a limit is: every numeric limit above 100 (smaller ones are everyday numbers). */
const LIMIT_NUMBERS = new Set<number>(
  Object.entries(RULE_LIMITS as Record<string, unknown>)
    .filter(([name]) => !INPUT_CAPS.has(name))
    .map(([, v]) => v)
    .filter((v): v is number => typeof v === "number" && v > 100),
);

/** Small limits (2–100: 8, 12, 25, 50…): everyday numbers in general, a rule when compared
 * with a length or a count, or counted down from ("n/50"). */
const SMALL_LIMITS = new Set<number>(
  Object.entries(RULE_LIMITS as Record<string, unknown>)
    .filter(([name]) => !INPUT_CAPS.has(name))
    .map(([, v]) => v)
    .filter((v): v is number => typeof v === "number" && v >= 2 && v <= 100),
);

/** Comparisons and the subtraction a counter makes. */
const MEASURING = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.LessThanToken,
  ts.SyntaxKind.LessThanEqualsToken,
  ts.SyntaxKind.GreaterThanToken,
  ts.SyntaxKind.GreaterThanEqualsToken,
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.MinusToken,
]);

/** An expression that measures input: `x.length`, or a name that says length, count or size. */
function measures(e: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(e)) return measures(e.expression);
  if (ts.isPropertyAccessExpression(e)) return e.name.text === "length" || /len|count|size|bytes/i.test(e.name.text);
  if (ts.isIdentifier(e)) return /len|count|size|bytes/i.test(e.text);
  if (ts.isCallExpression(e)) return measures(e.expression);
  return false;
}

/** Strings that name a rule's members: transitional states, storage states, key types, rule choices. */
const RULE_STRINGS = new Set<string>([
  ...TRANSITIONAL_VM_STATES,
  ...STORAGE_STATES.inProgress,
  ...STORAGE_STATES.ready,
  ...(RULE_LIMITS.sshKeyTypes as readonly string[]),
  ...RULE_CHOICES.protocols,
  ...RULE_CHOICES.ethertypes,
  ...RULE_CHOICES.directions,
]);

/** Regular expressions that validate names, addresses or key bodies. */
const RULE_REGEX = [/A-Za-z0-9/, /\[0-9a-fA-F\]/, /\\d\{1,3\}/, /A-Za-z0-9\+\//];

/** A limit declared as a TypeScript constant (`const NAME_MAX = 50`). */
const LIMIT_NAME = /(_MAX|_MIN|_MAX_BYTES|_MIN_GB|_MAX_GB|_PER_REGION|_PER_ACCOUNT)$/;

/** Text of a limit in prose ("1–65535", "16 KB"). */
function textHasLimit(text: string): string | null {
  for (const n of LIMIT_NUMBERS) {
    if (new RegExp(`(^|[^0-9.,])${n}([^0-9]|$)`).test(text)) return String(n);
    if (n % 1024 === 0 && new RegExp(`(^|[^0-9])${n / 1024} ?KB\\b`).test(text)) return `${n / 1024} KB`;
  }
  return null;
}

function numberOf(e: ts.Expression): number | null {
  if (ts.isNumericLiteral(e)) return Number(e.text.replace(/_/g, ""));
  if (ts.isParenthesizedExpression(e)) return numberOf(e.expression);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AsteriskToken) {
    const a = numberOf(e.left);
    const b = numberOf(e.right);
    return a !== null && b !== null ? a * b : null;
  }
  return null;
}

/** Every rule literal in one file, as "line: what". */
export function ruleLiterals(fileName: string, text: string): string[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const at = (node: ts.Node, what: string) =>
    found.push(`${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}: ${what}`);
  const visit = (node: ts.Node) => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AsteriskToken) {
      const n = numberOf(node);
      if (n !== null && LIMIT_NUMBERS.has(n)) return at(node, `the limit ${n} computed in TypeScript`);
    }
    if (ts.isBinaryExpression(node) && MEASURING.has(node.operatorToken.kind)) {
      for (const [limit, other] of [
        [node.left, node.right],
        [node.right, node.left],
      ] as const) {
        const n = numberOf(limit);
        if (n !== null && SMALL_LIMITS.has(n) && measures(other)) at(node, `the limit ${n} compared in TypeScript`);
      }
    }
    if (ts.isNumericLiteral(node)) {
      const n = numberOf(node);
      if (n !== null && LIMIT_NUMBERS.has(n)) at(node, `the limit ${n}`);
    } else if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateLiteralToken(node)
    ) {
      const parent = node.parent;
      const isImport = parent && (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent));
      if (!isImport && RULE_STRINGS.has(node.text)) at(node, `the rule's member "${node.text}"`);
      const limit = textHasLimit(node.text);
      if (limit) at(node, `the limit ${limit} in text`);
    } else if (ts.isJsxText(node)) {
      const limit = textHasLimit(node.text);
      if (limit) at(node, `the limit ${limit} in text`);
    } else if (ts.isRegularExpressionLiteral(node)) {
      if (RULE_REGEX.some((r) => r.test(node.text))) at(node, `a validating pattern ${node.text}`);
    } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && LIMIT_NAME.test(node.name.text)) {
      if (node.initializer && numberOf(node.initializer) !== null) at(node, `a limit declared here: ${node.name.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
