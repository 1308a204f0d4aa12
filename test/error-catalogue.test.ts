import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
// Importing the server loads every module, and with them every declared error.
import '../src/http/build-server.js';
import { CODE_ISSUE_CODES } from '../src/codes/index.js';
import { allErrorDefinitions } from '../src/kernel/errors.js';

const doc = fs.readFileSync(new URL('../docs/ERRORS.md', import.meta.url), 'utf8');

describe('error catalogue', () => {
  it('documents every error code with its HTTP status', () => {
    const missing = allErrorDefinitions().filter((def) => !doc.includes(`| \`${def.code}\` | ${def.status} |`));
    expect(missing.map((def) => `${def.code} (${def.status})`)).toEqual([]);
  });

  it('has a Chinese and an English message for every code', () => {
    for (const def of allErrorDefinitions()) {
      expect(def.zh, def.code).toMatch(/[\u4e00-\u9fff]/);
      expect(def.en, def.code).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('documents every identifier issue code', () => {
    const missing = CODE_ISSUE_CODES.filter((code) => !doc.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });
});
