import { join } from 'node:path';
import ts from 'typescript';

import type { Manifest } from './kubernetes';
import { declarationOf } from './kubernetes';

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  module: ts.ModuleKind.Node16,
  moduleResolution: ts.ModuleResolutionKind.Node16,
  types: [],
};

/**
 * Fields the Kubernetes API does not know (a misspelt `readinesProbe` passes JSON-schema
 * validation, which allows unknown fields, and is then silently dropped by the API server).
 * Each manifest becomes an object literal typed with its kubernetes-models declaration, and the
 * TypeScript compiler's excess-property check reports every unknown field at any depth.
 */
export function unknownFields(manifests: readonly Manifest[], baseDir: string): string[] {
  const sources = new Map<string, { manifest: Manifest; text: string }>();
  const problems: string[] = [];
  manifests.forEach((manifest, index) => {
    const declaration = declarationOf(manifest);
    if (declaration === undefined) {
      problems.push(`${manifest.file}: no declaration for ${manifest.kind}`);
      return;
    }
    const text =
      `import type { ${declaration.type} } from '${declaration.module}';\n` +
      `export const manifest: ${declaration.type} = ${JSON.stringify(manifest.object, null, 2)};\n`;
    sources.set(join(baseDir, `__manifest_${index}.ts`), { manifest, text });
  });

  const host = ts.createCompilerHost(OPTIONS);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    const virtual = sources.get(fileName);
    return virtual === undefined
      ? getSourceFile(fileName, languageVersion, ...rest)
      : ts.createSourceFile(fileName, virtual.text, languageVersion);
  };
  host.fileExists = (fileName) => sources.has(fileName) || fileExists(fileName);
  host.readFile = (fileName) => sources.get(fileName)?.text ?? readFile(fileName);

  const program = ts.createProgram([...sources.keys()], OPTIONS, host);
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const virtual =
      diagnostic.file === undefined ? undefined : sources.get(diagnostic.file.fileName);
    const where = virtual === undefined ? 'manifests' : virtual.manifest.file;
    problems.push(`${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`);
  }
  return problems;
}
