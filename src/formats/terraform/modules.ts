import type { Diagnostic } from '../../model/diagnostic.js';
import type { Location } from '../../model/location.js';
import type { ParseContext, Resource } from '../../model/resource.js';
import { V, type Value } from '../../model/value.js';
import { attributeOf, type Block } from './ast.js';
import { evaluate } from './eval.js';
import { buildScope, dirOf, loadFolder, resolveRelative, type LoadedFile } from './folder.js';
import { countKind, resourceFromBlock, type EmitContext } from './resources.js';
import { locIn, type Env } from './scope.js';

/** How deep module calls are followed (a module calling a module ...). */
const MAX_MODULE_DEPTH = 8;

/** Arguments of a module block that configure Terraform rather than set module variables. */
const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

export interface EmitState {
  ctx: ParseContext;
  resources: Resource[];
  diagnostics: Diagnostic[];
  /** Folders of the module chain being expanded, to stop cycles. */
  chain: string[];
}

/** Emit the resources declared in one file, then expand the local modules it calls. */
export function emitFile(file: LoadedFile, emit: EmitContext, state: EmitState): void {
  for (const item of file.syntax.body.items) {
    if (item.kind !== 'block') continue;
    if (item.type === 'resource' || item.type === 'data') {
      const r = resourceFromBlock(item, emit);
      if (r) state.resources.push(r);
    } else if (item.type === 'module') {
      emitModule(item, emit, state);
    }
  }
}

function externalModule(block: Block, name: string, source: Value, emit: EmitContext, loc: Location): Resource {
  const props = [{ key: 'source', keyLoc: source.loc, value: source }];
  // Every other argument is kept, evaluated, so rules can see what the module is handed (a resource id, a
  // setting); Terraform's own meta-arguments are left out.
  for (const item of block.body.items) {
    if (item.kind !== 'attribute' || (MODULE_META.has(item.name) && item.name !== 'version')) continue;
    props.push({ key: item.name, keyLoc: locIn(emit.env, item.nameSpan.start, item.nameSpan.end), value: evaluate(item.expr, emit.env) });
  }
  const file = emit.env.unit.file;
  const r: Resource = {
    key: `${file}#module.${name}${emit.keySuffix}`,
    type: 'Terraform/modules',
    symbol: `module.${name}`,
    name: V.str(name, loc),
    body: V.obj([{ key: 'name', keyLoc: loc, value: V.str(name, loc) }, { key: 'properties', keyLoc: loc, value: V.obj(props, loc) }], loc),
    loc,
    format: 'terraform',
    file,
    existing: true,
    sourceType: 'module',
  };
  if (emit.via && emit.via.length > 0) r.via = emit.via;
  return r;
}

/**
 * A `module` block: a local source (`./x`, `../x`) is read from the workspace and its resources emitted with
 * the block's arguments as variable values; registry and git sources are recorded as external modules
 * (type `Terraform/modules`, existing) without fetching anything.
 */
function emitModule(block: Block, emit: EmitContext, state: EmitState): void {
  const name = block.labels[0]?.value;
  const sourceAttr = attributeOf(block.body, 'source');
  if (!name || !sourceAttr) return;
  const env = emit.env;
  const loc = locIn(env, block.start, block.end);
  const source = evaluate(sourceAttr.expr, env);
  const src = source.kind === 'string' ? (source.value as string) : undefined;
  if (src === undefined || !(src.startsWith('./') || src.startsWith('../'))) {
    state.resources.push(externalModule(block, name, source, emit, loc));
    return;
  }
  const dir = resolveRelative(dirOf(env.unit.file), src);
  if (dir === undefined || state.chain.includes(dir) || state.chain.length >= MAX_MODULE_DEPTH) return;
  const files = loadFolder(dir, state.ctx);
  if (files.length === 0) {
    state.diagnostics.push({
      code: 'TF-MODULE-NOT-FOUND',
      severity: 'warning',
      message: `Module "${name}": no .tf files found in ${dir || '.'} (source "${src}"); its resources are not checked`,
      location: source.loc,
    });
    return;
  }
  const inputs = new Map<string, Value>();
  for (const item of block.body.items) {
    if (item.kind === 'attribute' && !MODULE_META.has(item.name)) inputs.set(item.name, evaluate(item.expr, env));
  }
  const scope = buildScope(dir, files, state.ctx, inputs);
  const count = attributeOf(block.body, 'count');
  const callerKey = `${env.unit.file}#module.${name}${emit.keySuffix}`;
  const inner: Omit<EmitContext, 'env'> = {
    keySuffix: `@${callerKey}`,
    via: [...(emit.via ?? []), loc],
    loop: emit.loop || !!attributeOf(block.body, 'for_each') || (count !== undefined && countKind(count.expr) === 'loop'),
    conditional: emit.conditional || (count !== undefined && countKind(count.expr) === 'conditional'),
  };
  state.chain.push(dir);
  try {
    for (const f of files) {
      const fileEnv: Env = { scope, unit: f.unit, depth: 0 };
      emitFile(f, { ...inner, env: fileEnv }, state);
    }
  } finally {
    state.chain.pop();
  }
}
