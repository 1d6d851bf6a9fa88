import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emit, emitFile, emitJson, jsonText } from '../../src/io/emit.js';
import { collectInto, redirectStdout } from '../../src/io/stdout.js';
import { FileExistsError } from '../../src/io/write-file.js';
import { tempDir } from '../helpers/cli.js';

describe('emit: the one way a command output leaves', () => {
  afterEach(() => redirectStdout(undefined));

  it('writes to standard output with no --out, or with --out -', () => {
    const printed: string[] = [];
    redirectStdout(collectInto((text) => printed.push(text)));
    expect(emit('Dear Ms Smith,\n', {}, 'the letter')).toBeUndefined();
    expect(emit('again\n', { out: '-' }, 'the letter')).toBeUndefined();
    expect(printed.join('')).toBe('Dear Ms Smith,\nagain\n');
  });

  it('writes a file, making its folder, and replaces one only with force', () => {
    const path = join(tempDir('bl-emit-'), 'letters', 'letter.txt');
    expect(emit('first\n', { out: path }, 'the letter')).toBe(path);
    expect(() => emit('second\n', { out: path }, 'the letter')).toThrow(FileExistsError);
    expect(readFileSync(path, 'utf8')).toBe('first\n');
    emit('second\n', { out: path, force: true }, 'the letter');
    expect(readFileSync(path, 'utf8')).toBe('second\n');
  });
});

describe('emitJson and emitFile: the same emitter for --json and for files a user names', () => {
  afterEach(() => redirectStdout(undefined));

  it('prints one indented JSON value with a newline, as every --json does', () => {
    const printed: string[] = [];
    redirectStdout(collectInto((text) => printed.push(text)));
    expect(emitJson({ a: [1] }, {}, 'the list')).toBeUndefined();
    expect(printed.join('')).toBe('{\n  "a": [\n    1\n  ]\n}\n');
    expect(jsonText('x')).toBe('"x"\n');
  });

  it('writes a file named "-" as a file, not standard output, and never over one without force', () => {
    const dir = tempDir('bl-emit-');
    const path = join(dir, 'new', '-');
    expect(emitFile(path, 'one\n')).toBe(path);
    expect(() => emitFile(path, 'two\n')).toThrow(FileExistsError);
    emitFile(path, 'two\n', true);
    expect(readFileSync(path, 'utf8')).toBe('two\n');
  });
});
