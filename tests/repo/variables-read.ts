import { readFileSync } from 'node:fs';
import ts from 'typescript';

/**
 * The environment variables a TypeScript file reads, as its syntax says: the keys of every object
 * handed to `parseEnv` (inline or through a `const` in the same file), and every
 * `process.env.X` / `process.env['X']` / `env['X']`. What the deployment files name is checked
 * against this, so a variable nobody reads (a typo, a renamed setting) fails a test instead of being
 * silently ignored by the service.
 */
export function variablesReadBy(file: string): Set<string> {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const objects = new Map<string, ts.ObjectLiteralExpression>();
  const names = new Set<string>();
  const shapes: ts.Expression[] = [];

  const isEnv = (node: ts.Expression) =>
    (ts.isIdentifier(node) && node.text === 'env') ||
    (ts.isPropertyAccessExpression(node) &&
      node.name.text === 'env' &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'process');

  const visit = (node: ts.Node) => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer &&
      ts.isObjectLiteralExpression(node.initializer)
    ) {
      objects.set(node.name.text, node.initializer);
    }
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'parseEnv' &&
      node.arguments[1]
    ) {
      shapes.push(node.arguments[1]);
    }
    if (
      ts.isElementAccessExpression(node) &&
      isEnv(node.expression) &&
      ts.isStringLiteral(node.argumentExpression)
    ) {
      names.add(node.argumentExpression.text);
    }
    if (ts.isPropertyAccessExpression(node) && isEnv(node.expression)) names.add(node.name.text);
    ts.forEachChild(node, visit);
  };
  visit(source);

  for (const shape of shapes) {
    const object = ts.isIdentifier(shape) ? objects.get(shape.text) : shape;
    if (!object || !ts.isObjectLiteralExpression(object)) {
      throw new Error(`${file}: cannot see the variables of parseEnv's ${shape.getText(source)}`);
    }
    for (const property of object.properties) {
      if (property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) {
        names.add(property.name.text);
      }
    }
  }
  return names;
}

/** The `"${NAME}"` variables an HAProxy configuration expands. */
export function haproxyVariables(file: string): Set<string> {
  return new Set(
    [...readFileSync(file, 'utf8').matchAll(/"\$\{([A-Z0-9_]+)\}"/g)].map((m) => m[1]!),
  );
}
