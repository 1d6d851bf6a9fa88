import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { KEY, runInPty } from '../helpers/pty.js';

describe("the wizard finds a US writer's senator by ZIP code, in a terminal", { timeout: 120_000 }, () => {
  it('asks the ZIP, offers the senators by name, and the letter and the preview follow the choice', async () => {
    const s = runInPty([], { cwd: tempDir(), env: { XDG_CONFIG_HOME: tempDir() } });
    await s.waitFor('Where do you live?');
    // The United States is the first region: chosen without typing a filter.
    await s.waitFor('You can write to: U.S. Senator');
    s.type(KEY.enter);
    await s.waitFor('Who will you write to?');
    s.type(KEY.enter);
    await s.waitFor('Your ZIP code, to find your U.S. Senator');
    s.type(`97201${KEY.enter}`);
    await s.waitFor('Which U.S. Senator will you write to?');
    await s.waitFor('Someone else: type a name');
    s.type(KEY.down + KEY.enter);
    await s.waitFor('The letter opens "Dear Senator Merkley:"');
    await s.waitFor('What will you ask for?');
    s.type(KEY.enter);
    await s.waitFor('Which facts should the letter cite?');
    s.type(KEY.enter);
    await s.waitFor('Your name, as you will sign');
    s.type(`Sam Lee${KEY.enter}`);
    await s.waitFor('Your town or city');
    s.type(`Portland${KEY.enter}`);
    // The ZIP given above is the letter's ZIP too: only the street address is asked.
    await s.waitFor('Your street address');
    s.type(`1 Main St${KEY.enter}`);
    for (const question of ['your connection to Belarus', 'Why does this matter to you?', 'What do you want your U.S. Senator to do?']) {
      await s.waitFor(question);
      s.type(KEY.enter);
    }
    await s.waitFor('Where to send it');
    await s.waitFor('By post: Jeff Merkley, United States Senate, 531 Hart Senate Office Building, Washington, DC 20510');
    await s.waitFor('What next?');
    s.type(KEY.down + KEY.enter);
    await s.waitFor('Remember them?');
    s.type(KEY.enter);
    expect(await s.exit).toBe(0);
    expect(s.screen()).toMatch(/1 Main St\s+Portland, OR 97201|1 Main St\s+Portland 97201/);
    expect(s.screen()).toMatch(/Jeff Merkley\s+United States Senate\s+531 Hart Senate Office Building\s+Washington, DC 20510\s+Dear Senator Merkley:/);
  });
});
