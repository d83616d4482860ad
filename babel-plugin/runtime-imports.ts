/**
 * The names compiled code imports from the runtime. One import per name per
 * file, added on first use with Babel's own helper, so it works whether the
 * output stays ESM or is later turned into CommonJS.
 */
import type { NodePath, types as t } from "@babel/core";
import { addNamed } from "@babel/helper-module-imports";

export type RuntimeExport =
  | "Frame"
  | "AsyncFrame"
  | "AsyncDriver"
  | "markAsyncGeneratorFunction"
  | "asyncIterate"
  | "callAsyncReturn"
  | "NO_RETURN"
  | "CONTINUE"
  | "defineResumable"
  | "iterate"
  | "iterateMethod"
  | "forInKeys"
  | "closeIterator"
  | "closeIteratorAfterThrow"
  | "buildObject"
  | "callFunction"
  | "invokeMethod"
  | "construct"
  | "setFunctionName"
  | "markGeneratorFunction"
  | "markObjectMethods"
  | "iteratorResultNotObject"
  | "UNINITIALIZED"
  | "checkInitialized"
  | "checkWritable"
  | "assignToConstant"
  | "constantTarget"
  | "initializedTarget"
  | "applySuperMethod"
  | "superMethodIfPresent"
  | "superCall"
  | "superGet"
  | "superSet"
  | "restoreSourceNames"
  | "spreadToArray"
  | "destructurable"
  | "destructureArray"
  | "callForLoop"
  | "callMethodForLoop"
  | "callMethod"
  | "callWithReceiver"
  | "holdMethod"
  | "callMethodRead"
  | "callHeldMethod"
  | "applyHeldMethod"
  | "applyFunction";

export class RuntimeImports {
  private readonly imported = new Map<RuntimeExport, string>();

  constructor(
    private readonly program: NodePath<t.Program>,
    private readonly source: string,
    private readonly types: typeof t,
  ) {}

  /** The local name of the runtime export `name` if compiled code imports it already, without importing it. */
  importedAs(name: RuntimeExport): string | undefined {
    return this.imported.get(name);
  }

  /** A fresh identifier that refers to the runtime export `name`. */
  get(name: RuntimeExport): t.Identifier {
    let local = this.imported.get(name);
    if (!local) {
      local = (addNamed(this.program, name, this.source, { nameHint: name }) as t.Identifier).name;
      this.imported.set(name, local);
    }
    return this.types.identifier(local);
  }
}
