import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../temp-dirs.ts';
import { appBuildId, dataBuildId, publishDataBuild } from './data-build.ts';

const temp = tempDirs();

function dataFolder(files: Record<string, string>): string {
  const dist = temp('data-build-');
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dist, 'data', file)), { recursive: true });
    writeFileSync(path.join(dist, 'data', file), text);
  }
  return dist;
}

const TEMPLATE = '<html><head><script type="module" src="/assets/index-abc.js"></script></head></html>';

describe('dataBuildId', () => {
  it('is the same for the same files in any order, and changes with a byte or a name', () => {
    const id = dataBuildId([['a.json', '1'], ['b/c.json', '2']]);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(dataBuildId([['b/c.json', '2'], ['a.json', '1']])).toBe(id);
    expect(dataBuildId([['a.json', '1'], ['b/c.json', '3']])).not.toBe(id);
    expect(dataBuildId([['a.json', '1'], ['b/d.json', '2']])).not.toBe(id);
  });
});

describe('publishDataBuild', () => {
  it('moves the data into a folder named by its bytes and names it in build.json', async () => {
    const dist = dataFolder({ 'manifest.json': '{}', 'home/1.json': '[1]', 'pagefind/pagefind.js': 'x' });
    const build = await publishDataBuild(dist, TEMPLATE);
    expect(build.app).toBe(appBuildId(TEMPLATE));
    expect(readdirSync(path.join(dist, 'data')).sort()).toEqual([build.data, 'build.json'].sort());
    expect(readFileSync(path.join(dist, 'data', build.data, 'home/1.json'), 'utf8')).toBe('[1]');
    expect(JSON.parse(readFileSync(path.join(dist, 'data', 'build.json'), 'utf8'))).toEqual(build);
    // Run again over the same dist: nothing moves.
    expect(await publishDataBuild(dist, TEMPLATE)).toEqual(build);
  });

  it('gives the same data the same id, and other data another', async () => {
    const files = { 'manifest.json': '{}', 'home/1.json': '[1]' };
    const first = await publishDataBuild(dataFolder(files), TEMPLATE);
    expect((await publishDataBuild(dataFolder(files), TEMPLATE)).data).toBe(first.data);
    expect((await publishDataBuild(dataFolder({ ...files, 'home/1.json': '[2]' }), TEMPLATE)).data).not.toBe(first.data);
    expect((await publishDataBuild(dataFolder(files), `${TEMPLATE} `)).app).not.toBe(first.app);
  });

  it('gives the same id whatever the number of threads hashing the files', async () => {
    const files = { 'manifest.json': '{}', 'home/1.json': '[1]', 'home/2.json': '[2]', 'tags/a/1.json': '[]' };
    const one = await publishDataBuild(dataFolder(files), TEMPLATE, 1);
    expect((await publishDataBuild(dataFolder(files), TEMPLATE, 3)).data).toBe(one.data);
    expect((await publishDataBuild(dataFolder(files), TEMPLATE, 8)).data).toBe(one.data);
  });
});
