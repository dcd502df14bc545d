/** The CHANGELOG has a section for the version package.json gives, and the README installs that version. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

describe('versions in the docs', () => {
  it("the CHANGELOG's newest version section is package.json's version", () => {
    const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
    const versions = [...changelog.matchAll(/^## (\d+\.\d+\.\d+)\b/gm)].map((match) => match[1]);
    expect(versions[0]).toBe(version);
  });

  it('the README installs the tarball of that version', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const tarballs = [...readme.matchAll(/spotify-scraper-(\d+\.\d+\.\d+)\.tgz/g)].map((match) => match[1]);
    expect(tarballs.length).toBeGreaterThan(0);
    expect(new Set(tarballs)).toEqual(new Set([version]));
  });
});
