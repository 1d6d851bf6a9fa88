import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clearConfig, configDir, ConfigError, readConfig, writeConfig } from '../../src/config/config.js';
import { filterChoices } from '../../src/wizard/prompts.js';
import { splitTitle } from '../../src/wizard/questions.js';
import { asSentence, joinStory } from '../../src/wizard/story.js';
import { tempDir } from '../helpers/cli.js';

describe('joinStory', () => {
  it('keeps the words, adding only a capital and a full stop', () => {
    expect(joinStory(['my friend Ihar is in prison', 'It matters to me!', ''])).toBe('My friend Ihar is in prison. It matters to me!');
  });

  it('keeps closing quotes and brackets as the end of a sentence', () => {
    expect(asSentence('she said "free them all"')).toBe('She said "free them all"');
    expect(asSentence('  spaced   out  ')).toBe('Spaced out.');
  });

  it('is nothing when every answer is skipped', () => {
    expect(joinStory(['', '   ', undefined])).toBeUndefined();
  });
});

describe('splitTitle', () => {
  it('takes a courtesy title off the front', () => {
    expect(splitTitle('Ms Jane Smith')).toEqual({ title: 'Ms', name: 'Jane Smith' });
    expect(splitTitle('dr. Ann Lee')).toEqual({ title: 'dr.', name: 'Ann Lee' });
  });

  it('leaves Sir, a plain name and a title alone as names', () => {
    expect(splitTitle('Sir John Major')).toEqual({ name: 'Sir John Major' });
    expect(splitTitle('Jane Smith')).toEqual({ name: 'Jane Smith' });
    expect(splitTitle('Ms')).toEqual({ name: 'Ms' });
    expect(splitTitle('  ')).toEqual({});
  });
});

describe('filterChoices', () => {
  const choices = [
    { value: 'uk', name: 'United Kingdom' },
    { value: 'us', name: 'United States', description: 'Senator' },
  ];
  it('matches every typed word against name, id and description', () => {
    expect(filterChoices(choices, 'united king').map((c) => c.value)).toEqual(['uk']);
    expect(filterChoices(choices, 'US').map((c) => c.value)).toEqual(['us']);
    expect(filterChoices(choices, 'senator').map((c) => c.value)).toEqual(['us']);
    expect(filterChoices(choices, '').map((c) => c.value)).toEqual(['uk', 'us']);
    expect(filterChoices(choices, 'narnia')).toEqual([]);
  });
});

describe('config', () => {
  it('lives in the platform folder, XDG_CONFIG_HOME first everywhere', () => {
    expect(configDir({}, 'linux', '/home/a')).toBe('/home/a/.config/belarus-letter');
    expect(configDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/a')).toBe('/x/belarus-letter');
    expect(configDir({ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/a')).toBe('/home/a/.config/belarus-letter');
    expect(configDir({}, 'darwin', '/Users/a')).toBe('/Users/a/Library/Preferences/belarus-letter');
    expect(configDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32', 'C:\\Users\\a')).toContain('Roaming');
  });

  it('round-trips, ignores unknown keys, and clears', () => {
    const path = join(tempDir(), 'sub', 'config.json');
    expect(readConfig(path)).toEqual({});
    writeConfig({ name: 'Alex Doe', city: 'Leeds', region: 'uk' }, path);
    expect(readConfig(path)).toEqual({ name: 'Alex Doe', city: 'Leeds', region: 'uk' });
    writeFileSync(path, JSON.stringify({ name: 'A', future: 1 }));
    expect(readConfig(path)).toEqual({ name: 'A' });
    expect(clearConfig(path)).toBe(true);
    expect(clearConfig(path)).toBe(false);
  });

  it('names the file when it is broken', () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'config.json');
    writeFileSync(path, '{ not json');
    expect(() => readConfig(path)).toThrow(ConfigError);
    writeFileSync(path, JSON.stringify({ name: 42 }));
    expect(() => readConfig(path)).toThrow(/config\.json could not be read: name/);
  });
});

describe('splitTitle in the built-in packs\u2019 languages', () => {
  it('takes German and Polish courtesy titles, with an academic one after them', () => {
    expect(splitTitle('Frau Sabine Berger')).toEqual({ title: 'Frau', name: 'Sabine Berger' });
    expect(splitTitle('Herr Dr. Thomas Keller')).toEqual({ title: 'Herr Dr.', name: 'Thomas Keller' });
    expect(splitTitle('Pani Ewa Malinowska')).toEqual({ title: 'Pani', name: 'Ewa Malinowska' });
    expect(splitTitle('Pan Jan Górski')).toEqual({ title: 'Pan', name: 'Jan Górski' });
  });
  it('leaves a name that only starts with the same letters alone', () => {
    expect(splitTitle('Pankaj Singh')).toEqual({ name: 'Pankaj Singh' });
    expect(splitTitle('Herrmann Weber')).toEqual({ name: 'Herrmann Weber' });
  });
});
