/**
 * The proxy base, as Office.js's ClientObject behaves: properties read before `load` + `sync`
 * throw PropertyNotLoaded; `load` queues a command whose reply fills the properties at `sync`;
 * setting a property keeps the value locally and queues the write; `isNullObject` is known
 * after a sync that reached the object.
 */
import type { CommandResult, Execution, SimRequestContext } from './context';
import { SimError } from './errors';

export type Resolver<T> = (exec: Execution) => T | null;

/** Scalar property readers: what `load('name')` returns for the resolved object. */
export type Scalars<T> = Record<string, (target: T, exec: Execution) => unknown>;

/** `'a, b/c'`, `['a', 'b/c']`, `{ select: 'a', expand: 'b' }` or `{ a: true, b: { c: true } }` → paths. */
export function loadPaths(spec: unknown): string[] {
  if (spec === undefined || spec === null) return [];
  if (typeof spec === 'string') return spec.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => loadPaths(s));
  if (typeof spec === 'object') {
    const o = spec as Record<string, unknown>;
    if ('select' in o || 'expand' in o) return [...loadPaths(o.select), ...loadPaths(o.expand)];
    return Object.entries(o).flatMap(([k, v]) => (v === true ? [k] : v && typeof v === 'object' ? loadPaths(v).map((p) => `${k}/${p}`) : []));
  }
  throw SimError.invalidArgument('load() takes property names');
}

/** Splits paths into this object's own names and, per navigation property, the rest. */
function split(paths: string[]): { own: string[]; nested: Map<string, string[]> } {
  const own: string[] = [];
  const nested = new Map<string, string[]>();
  for (const p of paths) {
    const i = p.indexOf('/');
    if (i < 0) own.push(p);
    else {
      const head = p.slice(0, i);
      if (!nested.has(head)) nested.set(head, []);
      nested.get(head)!.push(p.slice(i + 1));
    }
  }
  return { own, nested };
}

export abstract class SimObject<T> {
  private readonly _loaded = new Map<string, unknown>();
  private _null: boolean | undefined;

  constructor(
    readonly context: SimRequestContext,
    /** How the object is reached, as it travels in requests. */
    readonly _path: string,
    private readonly _resolver: Resolver<T>,
  ) {}

  protected abstract get _typeName(): string;
  protected abstract _scalars(): Scalars<T>;
  /** Navigation properties: proxies reached from this one without a round trip. */
  protected _navigation(): Record<string, SimObject<unknown>> {
    return {};
  }

  get isNullObject(): boolean {
    if (this._null === undefined) throw SimError.notLoaded('isNullObject', this._typeName);
    return this._null;
  }

  /** The object this proxy stands for in this sync; null for a null object. */
  _resolve(exec: Execution): T | null {
    if (exec.cache.has(this)) return exec.cache.get(this) as T | null;
    const target = this._resolver(exec);
    exec.cache.set(this, target);
    return target;
  }

  /** The object a write or a method acts on: a null object has none. */
  _require(exec: Execution): T {
    const target = this._resolve(exec);
    if (target === null) throw SimError.notFound(`${this._path} is a null object`);
    return target;
  }

  /** A proxy reached from this one: null when this is null (or an error, by option). */
  _child<C>(path: string, make: (exec: Execution, parent: T) => C | null): Resolver<C> {
    return (exec) => {
      const parent = this._resolve(exec);
      if (parent === null) {
        if (exec.options.navigateNullObject === 'error') throw SimError.notFound(`${path} is reached through a null object`);
        return null;
      }
      return make(exec, parent);
    };
  }

  protected _get<V>(name: string): V {
    if (this._null === true) return undefined as V;
    if (!this._loaded.has(name)) throw SimError.notLoaded(name, this._typeName);
    return this._loaded.get(name) as V;
  }

  /** `obj.prop = value`: kept on the proxy, written at sync. */
  protected _set(name: string, value: unknown, write: (target: T, sent: unknown, exec: Execution) => void): void {
    this._loaded.set(name, value);
    this.context._enqueue({ json: { path: this._path, set: name, value }, run: (exec, sent) => void write(this._require(exec), (sent as { value: unknown }).value, exec) }, this._path);
  }

  /** A method with no result worth returning (`delete`, `activate`, `freezeRows`…). */
  protected _call(name: string, args: unknown[], act: (target: T, sent: unknown[], exec: Execution) => void): void {
    this.context._enqueue(
      { json: { path: this._path, call: name, args }, run: (exec, sent) => void act(this._require(exec), (sent as { args: unknown[] }).args, exec) },
      this._path,
    );
  }

  /** *OrNullObject: the object is instantiated at sync so that `isNullObject` is known after it. */
  _instantiate(): this {
    this.context._enqueue(
      {
        json: { path: this._path, instantiate: true },
        run: (exec) => {
          const target = this._resolve(exec);
          return { json: target === null ? null : {}, deliver: () => (this._null = target === null) };
        },
      },
      this._path,
    );
    return this;
  }

  load(propertyNames?: unknown): this {
    const paths = loadPaths(propertyNames);
    this.context._enqueue({ json: { path: this._path, load: paths }, run: (exec) => this._collect(paths, exec) }, this._path);
    return this;
  }

  /** What a load returns: the named scalars and nested loads; all scalars when none are named. */
  _collect(paths: string[], exec: Execution): CommandResult {
    const target = this._resolve(exec);
    if (target === null) return { json: null, deliver: () => this._markNull() };
    const scalars = this._scalars();
    const navigation = this._navigation();
    const { own, nested } = split(paths);
    const names = own.length === 0 && nested.size === 0 ? Object.keys(scalars) : [];
    for (const name of own) {
      if (name === '*') names.push(...Object.keys(scalars));
      else if (name in navigation) nested.set(name, [...(nested.get(name) ?? [])]);
      else if (name in scalars) names.push(name);
      else throw SimError.invalidArgument(`the property '${name}' does not exist on ${this._typeName}`);
    }
    const json: Record<string, unknown> = {};
    for (const name of names) json[name] = scalars[name](target, exec);
    const children: CommandResult[] = [];
    for (const [name, rest] of nested) {
      const child = navigation[name];
      if (!child) throw SimError.invalidArgument(`the property '${name}' does not exist on ${this._typeName}`);
      const result = child._collect(rest, exec);
      json[name] = result.json;
      children.push(result);
    }
    return {
      json,
      deliver: () => {
        this._null = false;
        for (const name of names) this._loaded.set(name, json[name]);
        for (const c of children) c.deliver();
      },
    };
  }

  protected _markNull(): void {
    this._null = true;
    for (const child of Object.values(this._navigation())) child._markNull();
  }

  /** For collections: items fill in at sync. */
  protected _setLoaded(name: string, value: unknown): void {
    this._loaded.set(name, value);
  }

  protected _isNull(): boolean | undefined {
    return this._null;
  }

  protected _setNull(value: boolean): void {
    this._null = value;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}
