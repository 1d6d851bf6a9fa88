/**
 * Found in the fifth caseworker review: an Australian conditional letter that asks for no
 * bargaining with listings must not then offer relief itself, and no strengthen ask states as a
 * fact that arrests were made since the releases (the record shows only new recognitions).
 */
import { describe, expect, it } from 'vitest';
import { render } from '../../src/render/render.js';
import { builtinPack, request } from '../helpers/pack.js';

const pack = builtinPack();
const SEEDS = Array.from({ length: 30 }, (_, i) => `r5-${i}`);
const bodies = (region: string, recipient: string, stance: string) =>
  SEEDS.map((seed) => render(pack, request({ region, recipient, stance, seed, date: '2026-12-01' })).body);

describe('review 5 guards', () => {
  it.each(['senator', 'member', 'foreign-minister'])('au %s conditional offers no relief of its own', (recipient) => {
    for (const body of bodies('au', recipient, 'conditional')) {
      expect(body).not.toMatch(
        /I would not rule out relief|I can accept relief|I am not against relief|I do not oppose every form of relief|Some relief may be worth/,
      );
    }
  });

  it.each(['senator', 'member', 'foreign-minister'])('au %s never leans on relief Australia has not given (review 6)', (recipient) => {
    for (const stance of ['maintain', 'conditional']) {
      for (const body of bodies('au', recipient, stance)) {
        expect(body).not.toMatch(/partners in easing|ease their own sanctions|and hold firm until|off Australia's lists|Rewarding partial releases/);
      }
    }
  });

  it.each([
    ['us', 'senator'],
    ['us', 'secretary-of-state'],
    ['uk', 'mp'],
    ['uk', 'foreign-secretary'],
    ['eu', 'mep'],
    ['ca', 'foreign-minister'],
  ])('%s %s strengthen asks about political arrests without asserting arrests since the releases', (region, recipient) => {
    for (const body of bodies(region, recipient, 'strengthen')) {
      expect(body).not.toMatch(/(behind|responsible for) the arrests (made )?since the releases/);
    }
  });
});
