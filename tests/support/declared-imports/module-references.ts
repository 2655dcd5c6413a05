import ts from "typescript";

/** A module a source file names: in an import or export, a require, a resolve or a type. */
export type ModuleReference = {
  specifier: string;
  /** Only the compiler needs it (`import type`, `typeof import("…")`, `/// <reference types>`). */
  typeOnly: boolean;
  line: number;
};

const VITEST_MODULE_CALLS = new Set(["mock", "doMock", "unmock", "importActual", "importMock"]);

/** `require`, `require.resolve`, `import.meta.resolve`, `createRequire(…).resolve`, `vi.mock`… */
const namesModule = (callee: ts.Expression): boolean => {
  if (ts.isIdentifier(callee)) return callee.text === "require";
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const target = callee.expression;
  const member = callee.name.text;
  if (ts.isIdentifier(target) && target.text === "vi") return VITEST_MODULE_CALLS.has(member);
  if (member !== "resolve") return false;
  return (
    (ts.isIdentifier(target) && target.text === "require") ||
    ts.isMetaProperty(target) ||
    (ts.isCallExpression(target) &&
      ts.isIdentifier(target.expression) &&
      target.expression.text === "createRequire")
  );
};

const scriptKindOf = (fileName: string): ts.ScriptKind =>
  fileName.endsWith(".tsx")
    ? ts.ScriptKind.TSX
    : fileName.endsWith(".jsx")
      ? ts.ScriptKind.JSX
      : /\.[mc]?js$/.test(fileName)
        ? ts.ScriptKind.JS
        : ts.ScriptKind.TS;

/**
 * Every module a file names, parsed by TypeScript itself (not matched by regular expressions,
 * which strings, comments and template literals fool). Specifiers that are not string
 * literals (`import(variable)`) cannot be known and are not returned.
 */
export const moduleReferences = (fileName: string, text: string): ModuleReference[] => {
  const source = ts.createSourceFile(
    fileName,
    text,
    ts.ScriptTarget.Latest,
    true,
    scriptKindOf(fileName),
  );
  const references: ModuleReference[] = [];
  const add = (node: ts.Node, specifier: string, typeOnly: boolean) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    references.push({ specifier, typeOnly, line });
  };

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      // Under verbatimModuleSyntax only `import type` is erased; `import { type A }` still loads.
      add(node, node.moduleSpecifier.text, node.importClause?.isTypeOnly === true);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      add(node, node.moduleSpecifier.text, node.isTypeOnly);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      add(node, node.moduleReference.expression.text, node.isTypeOnly);
    } else if (ts.isCallExpression(node)) {
      const [first] = node.arguments;
      const dynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      if (first && ts.isStringLiteralLike(first) && (dynamicImport || namesModule(node.expression)))
        add(node, first.text, false);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      add(node, node.argument.literal.text, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);

  for (const directive of source.typeReferenceDirectives) {
    const line = source.getLineAndCharacterOfPosition(directive.pos).line + 1;
    references.push({ specifier: directive.fileName, typeOnly: true, line });
  }
  return references;
};
