/** Syntax tree of a Bicep or .bicepparam file. Every node has half-open source offsets `start`..`end`. */

export interface Span {
  start: number;
  end: number;
}

export type Expr =
  | StringLit
  | TemplateLit
  | NumberLit
  | BoolLit
  | NullLit
  | Ident
  | ObjectExpr
  | ArrayExpr
  | ForExpr
  | IfExpr
  | UnaryExpr
  | BinaryExpr
  | TernaryExpr
  | MemberExpr
  | IndexExpr
  | ChildAccessExpr
  | CallExpr
  | NonNullExpr
  | LambdaExpr
  | ParenExpr
  | ErrorExpr;

export interface StringLit extends Span {
  kind: 'string';
  value: string;
  multiline: boolean;
}
/** `'a${x}b${y}c'`: parts.length === exprs.length + 1. */
export interface TemplateLit extends Span {
  kind: 'template';
  parts: string[];
  exprs: Expr[];
}
export interface NumberLit extends Span {
  kind: 'number';
  value: number;
}
export interface BoolLit extends Span {
  kind: 'bool';
  value: boolean;
}
export interface NullLit extends Span {
  kind: 'null';
}
export interface Ident extends Span {
  kind: 'ident';
  name: string;
}
export interface Decorator extends Span {
  /** Possibly namespaced: `description`, `sys.description`, `az.x`. */
  name: string;
  args: Expr[];
}
export interface ObjectProp extends Span {
  kind: 'prop';
  /** The key text when it is a plain identifier or a string without interpolation. */
  key: string | undefined;
  keyExpr: Expr;
  value: Expr;
  decorators: Decorator[];
}
export interface SpreadItem extends Span {
  kind: 'spread';
  expr: Expr;
}
export type ObjectItem = ObjectProp | SpreadItem | ResourceDecl;
export interface ObjectExpr extends Span {
  kind: 'object';
  items: ObjectItem[];
}
export interface ArrayExpr extends Span {
  kind: 'array';
  items: (Expr | SpreadItem)[];
}
/** `[for item in xs: body]`, `[for (item, i) in xs: body]`; the body may be an IfExpr (a filter). */
export interface ForExpr extends Span {
  kind: 'for';
  item: Ident | undefined;
  index: Ident | undefined;
  iterable: Expr;
  body: Expr;
}
/** `if (cond) { ... }` as a resource, module or loop body. */
export interface IfExpr extends Span {
  kind: 'if';
  condition: Expr;
  body: Expr;
}
export interface UnaryExpr extends Span {
  kind: 'unary';
  op: '!' | '-' | '+';
  operand: Expr;
}
export type BinaryOp = '||' | '&&' | '??' | '==' | '!=' | '=~' | '!~' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';
export interface BinaryExpr extends Span {
  kind: 'binary';
  op: BinaryOp;
  left: Expr;
  right: Expr;
}
export interface TernaryExpr extends Span {
  kind: 'ternary';
  condition: Expr;
  whenTrue: Expr;
  whenFalse: Expr;
}
/** `a.b` or the safe form `a.?b`. */
export interface MemberExpr extends Span {
  kind: 'member';
  object: Expr;
  name: string;
  nameStart: number;
  safe: boolean;
}
/** `a[i]` or the safe form `a[?i]`. */
export interface IndexExpr extends Span {
  kind: 'index';
  object: Expr;
  index: Expr;
  safe: boolean;
}
/** `parent::child` (nested resource access). */
export interface ChildAccessExpr extends Span {
  kind: 'child';
  object: Expr;
  name: string;
}
/** `f(x)`, `az.f(x)`, `sys.f(x)`, `kv.getSecret('x')`: `target` is what precedes the dot. */
export interface CallExpr extends Span {
  kind: 'call';
  target: Expr | undefined;
  name: string;
  nameStart: number;
  args: Expr[];
}
/** Postfix `!`: non-null assertion. */
export interface NonNullExpr extends Span {
  kind: 'nonNull';
  expr: Expr;
}
export interface LambdaExpr extends Span {
  kind: 'lambda';
  params: Ident[];
  body: Expr;
}
export interface ParenExpr extends Span {
  kind: 'paren';
  expr: Expr;
}
/** Where the parser could not read an expression (a diagnostic was reported). */
export interface ErrorExpr extends Span {
  kind: 'error';
}

// ---- Types ----

export type TypeExpr =
  | TypeName
  | TypeLiteral
  | TypeObject
  | TypeTuple
  | TypeUnion
  | TypeArray
  | TypeNullable
  | TypeAccess
  | TypeResource
  | ErrorExpr;

/** `string`, `ns.myType`, `resourceInput<'Microsoft.X/y@v'>`. */
export interface TypeName extends Span {
  kind: 'typeName';
  name: string;
  args: TypeExpr[];
}
/** A literal type: `'Standard'`, `1`, `-1`, `true`, `null`. */
export interface TypeLiteral extends Span {
  kind: 'typeLiteral';
  value: StringLit | NumberLit | BoolLit | NullLit | UnaryExpr;
}
export interface TypeProperty extends Span {
  /** `*` for the additional-properties entry. */
  key: string;
  keyStart: number;
  optional: boolean;
  type: TypeExpr;
  decorators: Decorator[];
}
export interface TypeObject extends Span {
  kind: 'typeObject';
  props: TypeProperty[];
}
export interface TypeTuple extends Span {
  kind: 'typeTuple';
  items: { type: TypeExpr; decorators: Decorator[] }[];
}
export interface TypeUnion extends Span {
  kind: 'typeUnion';
  members: TypeExpr[];
}
export interface TypeArray extends Span {
  kind: 'typeArray';
  item: TypeExpr;
}
export interface TypeNullable extends Span {
  kind: 'typeNullable';
  inner: TypeExpr;
}
/** `myType.prop`, `myType[*]`, `myType[0]`. */
export interface TypeAccess extends Span {
  kind: 'typeAccess';
  base: TypeExpr;
  property: string;
}
/** `resource 'Microsoft.X/y@v'` as a param or output type. */
export interface TypeResource extends Span {
  kind: 'typeResource';
  resourceType: string;
}

// ---- Statements ----

interface DeclBase extends Span {
  decorators: Decorator[];
  /** Offset of the keyword (declarations' locations start here, after their decorators). */
  keywordStart: number;
}
interface NamedDecl extends DeclBase {
  name: string;
  nameStart: number;
  nameEnd: number;
}
export interface TargetScopeDecl extends DeclBase {
  kind: 'targetScope';
  value: Expr;
}
export interface MetadataDecl extends NamedDecl {
  kind: 'metadata';
  value: Expr;
}
/** `param x string = 1` in a template; `param x = 1` in a .bicepparam file. */
export interface ParamDecl extends NamedDecl {
  kind: 'param';
  type: TypeExpr | undefined;
  value: Expr | undefined;
}
export interface VarDecl extends NamedDecl {
  kind: 'var';
  type: TypeExpr | undefined;
  value: Expr;
}
export interface OutputDecl extends NamedDecl {
  kind: 'output';
  type: TypeExpr;
  value: Expr;
}
export interface ResourceDecl extends NamedDecl {
  kind: 'resource';
  /** The type string as written, e.g. `Microsoft.KeyVault/vaults@2023-07-01` or `securityRules`. */
  resourceType: string;
  typeStart: number;
  typeEnd: number;
  existing: boolean;
  /** An object, an IfExpr around one, or a ForExpr. */
  body: Expr;
}
export interface ModuleDecl extends NamedDecl {
  kind: 'module';
  path: string;
  pathStart: number;
  pathEnd: number;
  body: Expr;
}
/** `test name 'main.bicep' = { params: {...} }`: the experimental test framework; deploys nothing. */
export interface TestDecl extends NamedDecl {
  kind: 'test';
  path: string;
  pathStart: number;
  pathEnd: number;
  body: Expr;
}
export interface TypeDecl extends NamedDecl {
  kind: 'type';
  type: TypeExpr;
}
export interface FuncDecl extends NamedDecl {
  kind: 'func';
  params: { name: Ident; type: TypeExpr }[];
  returnType: TypeExpr;
  body: Expr;
}
export interface ImportDecl extends DeclBase {
  kind: 'import';
  /** `import {a, b as c} from '...'`. */
  items: { name: string; alias: string; start: number; end: number }[];
  /** `import * as ns from '...'`. */
  wildcard: string | undefined;
  /** The `from` path, or the spec of the older `import 'az@1.0.0'` form. */
  from: string | undefined;
  spec: string | undefined;
  config: Expr | undefined;
  alias: string | undefined;
}
/** `extension kubernetes with {...} as k8s` and the older `provider` keyword. */
export interface ExtensionDecl extends DeclBase {
  kind: 'extension';
  keyword: 'extension' | 'provider';
  spec: string;
  config: Expr | undefined;
  alias: string | undefined;
}
export interface AssertDecl extends NamedDecl {
  kind: 'assert';
  value: Expr;
}
/** `using './main.bicep'` or `using none` in a .bicepparam file. */
export interface UsingDecl extends DeclBase {
  kind: 'using';
  path: string | undefined;
  pathStart: number;
  pathEnd: number;
  none: boolean;
  config: Expr | undefined;
}
export interface ExtendsDecl extends DeclBase {
  kind: 'extends';
  path: string;
}
/** Where a statement could not be read (a diagnostic was reported). */
export interface ErrorStatement extends Span {
  kind: 'errorStatement';
}

export type Statement =
  | TargetScopeDecl
  | MetadataDecl
  | ParamDecl
  | VarDecl
  | OutputDecl
  | ResourceDecl
  | ModuleDecl
  | TestDecl
  | TypeDecl
  | FuncDecl
  | ImportDecl
  | ExtensionDecl
  | AssertDecl
  | UsingDecl
  | ExtendsDecl
  | ErrorStatement;

export interface Program extends Span {
  kind: 'program';
  statements: Statement[];
}
