// Hostile text on its way to a terminal: escape sequences and control characters from answers
// files are shown escaped, never sent raw, and the batch table lines up by terminal columns.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../src/core/markdown-escape.js';
import { displayWidth, terminalText } from '../src/core/terminal-text.js';
import { batchSummary } from '../src/commands/consultant.js';
import { loadCatalog } from '../src/io/load.js';
import { answersFile, tempDir } from './helpers.js';

const BIN = join(process.cwd(), 'dist', 'cli.js');
const catalog = await loadCatalog();
const ESC = '\u001b';
/** Anything a terminal would act on: C0 (but newline), DEL, C1. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const HOSTILE = `Evil${ESC}[2J${ESC}]0;owned\u0007${ESC}]8;;https://x.example/${ESC}\\link${ESC}]52;c;aGk=\u0007\u009b31m\r\bCo`;

function run(args: string[], cwd: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' };
  delete env.CI;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('terminalText', () => {
  it('shows CSI, OSC 0/8/52, C1 controls, \\r and \\b as visible escapes', () => {
    const out = terminalText(HOSTILE);
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out).toBe('Evil\\u001b[2J\\u001b]0;owned\\u0007\\u001b]8;;https://x.example/\\u001b\\link\\u001b]52;c;aGk=\\u0007\\u009b31m\\r\\bCo');
  });

  it('leaves ordinary text alone, keeps line breaks only when asked, and escapes bidi overrides', () => {
    expect(terminalText('Centro de Salud Niños 日本 🙂')).toBe('Centro de Salud Niños 日本 🙂');
    expect(terminalText('a\nb\tc')).toBe('a\\nb\\tc');
    expect(terminalText('a\nb\tc', { multiline: true })).toBe('a\nb\tc');
    expect(terminalText('abc\u202edef')).toBe('abc\\u202edef');
  });

  it('displayWidth counts terminal columns: wide CJK and emoji are 2, combining marks 0', () => {
    expect(displayWidth('Acme')).toBe(4);
    expect(displayWidth('日本')).toBe(4);
    expect(displayWidth('🙂')).toBe(2);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('👩‍💻')).toBe(2);
    expect(displayWidth('❤️')).toBe(2);
  });
});

describe('Markdown escaping', () => {
  it('strips C1 controls (U+0080–U+009F) as it does C0 ones', () => {
    const out = escapeMarkdown(`a\u0085b\u009b2Jc${ESC}[31md`);
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out).toBe('ab2Jc[31md'); // a [ that cannot open a link or a task box is left as it is
  });
});

describe('the batch summary and error messages', () => {
  it('names from answers files are shown escaped; columns line up by display width', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    const names = { 'a.json': HOSTILE, 'b.json': '日本の支援センター', 'c.json': 'Café 🙂 Health', 'd.json': 'Plain Org' };
    for (const [file, name] of Object.entries(names)) writeFileSync(join(dir, 'in', file), JSON.stringify(answersFile(catalog, { profile: { name } })));
    // A bad file whose error quotes a hostile value.
    const bad = answersFile(catalog);
    (bad.profile as Record<string, unknown>).programType = `${ESC}[2J${ESC}]52;c;aGk=\u0007`;
    writeFileSync(join(dir, 'in', `e${ESC}[31m.json`), JSON.stringify(bad));
    const r = run(['--answers', 'in', '--out-dir', 'out'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stderr).toContain('e\\u001b[31m.json');
    expect(r.stderr).toContain('\\u001b[2J\\u001b]52;c;aGk=\\u0007');
    const rows = r.stdout.split('\n').slice(0, 5);
    const bandColumn = rows.map((line) => {
      const i = line.search(/ {2}(Band|6 months|1 year|At least)/);
      return displayWidth(line.slice(0, i));
    });
    expect(new Set(bandColumn).size).toBe(1);
  });

  it('a single file: the message quoting a bad value is escaped', () => {
    const dir = tempDir();
    const bad = answersFile(catalog);
    bad.answers['s1.buy-in.board'] = `yes${ESC}[2J\u009b0m`;
    writeFileSync(join(dir, 'a.json'), JSON.stringify(bad));
    const r = run(['--answers', 'a.json', '--out', 'plan.md'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stderr).toContain('\\u001b[2J');
  });

  it('batchSummary pads by columns, not by string length', () => {
    const text = batchSummary([
      { file: 'a', agency: '日本', band: '6 months', gaps: 1, out: 'a.md' },
      { file: 'b', agency: 'Abcd', band: '6 months', gaps: 2, out: 'b.md' },
    ]);
    const [, a, b] = text.split('\n');
    expect(displayWidth(a!.slice(0, a!.indexOf('6 months')))).toBe(displayWidth(b!.slice(0, b!.indexOf('6 months'))));
  });
});
