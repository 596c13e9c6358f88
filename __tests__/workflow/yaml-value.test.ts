import { MAX_YAML_DEPTH, readYaml } from '../../src/formats/yaml-value.js';
import { plainLocation, type Location } from '../../src/model/location.js';
import { getPath, getPropertyAt, toPlain, type ObjectValue, type Value } from '../../src/model/value.js';

const FILE = 'config/settings.yml';
const at = (l: Location | undefined) => (l ? plainLocation(l) : undefined);
const span = (line: number, column: number, endLine: number, endColumn: number): Location => ({ file: FILE, line, column, endLine, endColumn });
const root = (text: string): Value => readYaml(FILE, text).documents[0].value!;

const settings = [
  '# Shared settings', // 1
  'defaults: &defaults', // 2
  '  region: westeurope', // 3
  '  retries: 3', // 4
  '  verbose: false', // 5
  'prod:', // 6
  '  <<: *defaults', // 7
  '  region: northeurope   # overrides the merged one', // 8
  `  tags: [ "a", 'b', c ]`, // 9
  '  note: |', // 10
  '    # not a comment', // 11
  '    second line', // 12
  '  empty:', // 13
  '  quoted: "true"', // 14
  'copy: *defaults', // 15
  "'<<': literal", // 16
].join('\n');

describe('YAML to located values', () => {
  const read = readYaml(FILE, settings);
  const doc = read.documents[0].value!;

  it('reads without diagnostics', () => {
    expect(read.diagnostics).toEqual([]);
    expect(read.documents).toHaveLength(1);
    expect(doc.kind).toBe('object');
  });

  it('locates keys and values exactly', () => {
    const region = getPropertyAt(doc, 'defaults.region');
    expect(at(region?.keyLoc)).toEqual(span(3, 3, 3, 9));
    expect(at(region?.value.loc)).toEqual(span(3, 11, 3, 21));
    expect(at(getPath(doc, 'defaults')?.loc)).toEqual(span(3, 3, 5, 17));
    expect(at(getPath(doc, 'prod.tags')?.loc)).toEqual(span(9, 9, 9, 24));
    expect(at(getPath(doc, 'prod.tags.0')?.loc)).toEqual(span(9, 11, 9, 14));
    expect(at(getPath(doc, 'prod.tags.1')?.loc)).toEqual(span(9, 16, 9, 19));
    expect(at(getPath(doc, 'prod.tags.2')?.loc)).toEqual(span(9, 21, 9, 22));
  });

  it('types scalars as YAML 1.2 does', () => {
    expect(getPath(doc, 'defaults.retries')).toMatchObject({ kind: 'number', value: 3 });
    expect(getPath(doc, 'defaults.verbose')).toMatchObject({ kind: 'boolean', value: false });
    expect(getPath(doc, 'prod.quoted')).toMatchObject({ kind: 'string', value: 'true' });
    expect(getPath(doc, 'prod.note')).toMatchObject({ kind: 'string', value: '# not a comment\nsecond line\n' }); // | keeps one final line break
    const empty = getPropertyAt(doc, 'prod.empty');
    expect(empty?.value.kind).toBe('null');
    expect(at(empty?.value.loc)).toEqual(span(13, 9, 13, 9));
  });

  it('merges `<<` keys, explicit keys winning wherever they are written', () => {
    const prod = getPath(doc, 'prod') as ObjectValue;
    expect(prod.properties.map((p) => p.key)).toEqual(['retries', 'verbose', 'region', 'tags', 'note', 'empty', 'quoted']);
    expect(getPath(doc, 'prod.region')).toMatchObject({ value: 'northeurope' });
    // Merged entries keep the location where they were written.
    expect(at(getPropertyAt(doc, 'prod.retries')?.keyLoc)).toEqual(span(4, 3, 4, 10));
  });

  it('treats a quoted "<<" as an ordinary key', () => {
    expect(getPath(doc, '<<')).toMatchObject({ kind: 'string', value: 'literal' });
  });

  it('expands an alias where it is used, pointing back at the anchor', () => {
    const copy = getPath(doc, 'copy')!;
    expect(toPlain(copy)).toEqual({ region: 'westeurope', retries: 3, verbose: false });
    expect(at(copy.loc)).toEqual(span(15, 7, 15, 16));
    expect(copy.origin?.via).toBe('alias *defaults');
    expect(at(copy.origin?.location)).toEqual(span(3, 3, 5, 17));
  });

  it('collects comments, but not a # inside a block scalar', () => {
    expect(read.comments.map((c) => [c.text, at(c.loc)])).toEqual([
      ['# Shared settings', span(1, 1, 1, 18)],
      ['# overrides the merged one', span(8, 25, 8, 51)],
    ]);
  });

  it('gives earlier merge sources precedence over later ones', () => {
    const v = root('base: &base {a: 1, b: 1}\nmore: &more {b: 2, c: 2}\nboth:\n  <<: [*base, *more]\n  c: 3\n');
    expect(toPlain(getPath(v, 'both')!)).toEqual({ a: 1, b: 1, c: 3 });
  });

  it('reads a pair written in a flow sequence as a one-entry mapping', () => {
    expect(toPlain(root('list: [x: 1, y]'))).toEqual({ list: [{ x: 1 }, 'y'] });
  });

  it('reads every document of a stream', () => {
    const r = readYaml(FILE, 'a: 1\n---\nb: 2\n');
    expect(r.documents.map((d) => toPlain(d.value!))).toEqual([{ a: 1 }, { b: 2 }]);
    expect(at(r.documents[1].loc)).toEqual(span(3, 1, 3, 5));
  });
});

describe('side effects', () => {
  it('leaves the process-wide stack trace limit as it found it', () => {
    const before = Error.stackTraceLimit;
    readYaml(FILE, 'a: [1, 2\nb: &x &y 3\n');
    expect(Error.stackTraceLimit).toBe(before);
  });
});

describe('hostile aliases', () => {
  it('turns an alias inside its own anchor into an unknown value', () => {
    const v = root('a: &a [1, *a]\n');
    expect(getPath(v, 'a.0')).toMatchObject({ kind: 'number', value: 1 });
    expect(getPath(v, 'a.1')).toMatchObject({ kind: 'unknown', reason: 'alias *a refers to a value that contains it' });
  });

  it('bounds billion-laughs expansion with one diagnostic', () => {
    const lines = ['l0: &l0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 9; i++) lines.push(`l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
    const started = performance.now();
    const r = readYaml(FILE, lines.join('\n'));
    expect(performance.now() - started).toBeLessThan(3000);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['YAML-ALIAS-LIMIT']);
    expect(r.diagnostics[0].message).toBe('Aliases in this YAML expand to more than 100000 values; the rest were not read.');
  });

  it('bounds nesting built by chains of aliases', () => {
    const lines = ['a0: &a0 [x]'];
    for (let i = 1; i <= 150; i++) lines.push(`a${i}: &a${i} [*a${i - 1}]`);
    const r = readYaml(FILE, lines.join('\n'));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['YAML-DEPTH']);
    expect(r.diagnostics[0].message).toBe(`Aliases in this YAML nest values more than ${MAX_YAML_DEPTH} levels deep; deeper values were not read.`);
  });

  it('warns about an alias without an anchor', () => {
    const r = readYaml(FILE, 'a: 1\nb: *nowhere\n');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'YAML-ALIAS', severity: 'warning', message: 'The alias *nowhere has no anchor &nowhere before it.' });
    expect(at(r.diagnostics[0].location)).toEqual(span(2, 4, 2, 12));
    expect(getPath(r.documents[0].value, 'b')?.kind).toBe('unknown');
  });

  it('uses the closest anchor before the alias when a name is reused', () => {
    const v = root('a: &x 1\nb: &y [&x 2]\nc: &x 3\nd: *y\ne: *x\n');
    expect(toPlain(v)).toEqual({ a: 1, b: [2], c: 3, d: [2], e: 3 });
  });
});
