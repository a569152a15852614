// The smallest AMD loader the compiled console needs: tsc (module AMD, outFile)
// writes every module as define(name, deps, factory) in dependency order into one
// file; boot.ts then asks for the entry module. A script, not a module.

type ModuleFactory = (...args: unknown[]) => void;

const amdDefinitions = new Map<string, { deps: string[]; factory: ModuleFactory }>();
const amdExports = new Map<string, Record<string, unknown>>();

function define(name: string, deps: string[], factory: ModuleFactory): void {
  amdDefinitions.set(name, { deps, factory });
}

function amdRequire(name: string): Record<string, unknown> {
  const loaded = amdExports.get(name);
  if (loaded !== undefined) {
    return loaded;
  }
  const definition = amdDefinitions.get(name);
  if (definition === undefined) {
    throw new Error(`console: no module named ${name}`);
  }
  const exports: Record<string, unknown> = {};
  amdExports.set(name, exports);
  const args = definition.deps.map((dep) => {
    if (dep === "require") return amdRequire;
    if (dep === "exports") return exports;
    return amdRequire(dep);
  });
  definition.factory(...args);
  return exports;
}
