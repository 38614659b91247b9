// npm run bench: start-up and throughput of the bundled CLI, as ratios to `node -e 0`
// measured in the same run (this machine is shared and noisy; absolute times mean little).
//
//   scripted   answers file -> Markdown plan            goal <= 1.3x node -e 0
//   wizard     start to first visible frame (pty)       goal <= 1.3x (node -e 0 under the same pty)
//              with the frame an earlier run kept (src/io/early-frame.ts); the same without it
//              (PEER_READY_NO_EARLY_FRAME=1, Ink's own first frame) is shown beside it
//   keypress   key to next frame, median                goal <= 16 ms
//   batch      1,000 answers files -> 1,000 plans       goal <= 2 s wall
//
// Options:
//   --node PATH   time the CLI under this Node binary (repeatable; default: the Node running
//                 this script). Each version's ratios are against its own `node -e 0`, measured
//                 in the same run:  npm run bench -- --node ~/.cache/peer-ready-node/22.23.3/bin/node
//   BENCH_RUNS=N  runs per median (default 21)
import { spawn, spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { mkdirSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(root, 'dist', 'cli.js');
const OUT = join(root, 'bench', '.out');
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const { values: opts } = parseArgs({ options: { node: { type: 'string', multiple: true } } });
const NODES = opts.node?.length ? opts.node : [process.execPath];
for (const n of NODES) {
  const r = spawnSync(n, ['--version'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`--node ${n}: cannot run it (${r.error?.message ?? r.stderr})`);
}
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const env = { ...process.env, FORCE_COLOR: '0', PEER_READY_STORE_DIR: join(OUT, 'store'), PEER_READY_CACHE_DIR: join(OUT, 'cache') };
delete env.PEER_READY_NO_EARLY_FRAME;
delete env.PEER_READY_NO_COMPILE_CACHE;
delete env.CI;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const fmt = (ms) => `${ms.toFixed(1)} ms`;

function timeOnce(node, args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(node, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const t1 = process.hrtime.bigint();
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return Number(t1 - t0) / 1e6;
}

/**
 * Medians of two commands run turn about (a, b, a, b, ...), so a burst of load from elsewhere on
 * this shared machine falls on both alike and the ratio stays fair. One warm-up run of each first.
 */
function timePair(node, a, b, runs = RUNS) {
  timeOnce(node, a);
  timeOnce(node, b);
  const ta = [];
  const tb = [];
  for (let i = 0; i < runs; i++) {
    ta.push(timeOnce(node, a));
    tb.push(timeOnce(node, b));
  }
  return [median(ta), median(tb)];
}

/** Time from spawn until the pty output contains `marker`, with the command under `script` (a real pty). */
function timeToOutput(command, marker, { keys, extraEnv = {} } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    // A new pty has no size; give it a real terminal's, as a person's terminal would.
    const child = spawn('script', ['-qfec', `stty cols 100 rows 40; ${command}`, '/dev/null'], { env: { ...env, ...extraEnv, TERM: 'xterm-256color' } });
    let buf = '';
    let first;
    const keyTimes = [];
    let pending;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timed out waiting for "${marker}" from: ${command}\n${buf.slice(-500)}`));
    }, 20000);
    child.stdout.on('data', (d) => {
      buf += d.toString();
      if (first === undefined && buf.includes(marker)) {
        first = Number(process.hrtime.bigint() - t0) / 1e6;
        if (!keys) {
          clearTimeout(timer);
          child.kill('SIGKILL');
          resolve({ first });
          return;
        }
        // The first key goes once the wizard has surely loaded (the first frame may be the early one).
        setTimeout(sendNext, 1000);
      } else if (pending !== undefined) {
        keyTimes.push(Number(process.hrtime.bigint() - pending) / 1e6);
        pending = undefined;
        setTimeout(sendNext, 30);
      }
    });
    let sent = 0;
    function sendNext() {
      if (sent >= keys.length) {
        clearTimeout(timer);
        child.kill('SIGKILL');
        resolve({ first, keyTimes });
        return;
      }
      pending = process.hrtime.bigint();
      child.stdin.write(keys[sent++]);
    }
    child.on('error', reject);
  });
}

const results = [];
for (const node of NODES) {
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`\n=== node ${version} (${node})`);
  results.push({ node, version, ...(await benchNode(node)) });
}

if (results.length > 1) {
  // One row per version, for the README's table.
  const cols = [...new Set(results.flatMap((r) => r.rows.map((x) => x.name)))];
  console.log(`\n| Node | node -e 0 | ${cols.join(' | ')} |`);
  console.log(`|---|---|${cols.map(() => '---').join('|')}|`);
  for (const r of results) console.log(`| ${r.version} | ${fmt(r.baseline)} | ${cols.map((c) => r.rows.find((x) => x.name === c)?.value ?? '-').join(' | ')} |`);
}

writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 2));

async function benchNode(node) {
  const rows = [];
  const report = (name, value, goal, pass) => {
    rows.push({ name, value, goal, pass });
    console.log(`${pass === undefined ? '    ' : pass ? 'ok  ' : 'MISS'} ${name.padEnd(44)} ${value.padEnd(28)} goal ${goal}`);
  };

  // --- scripted: answers file -> plan
  const answers = join(root, 'examples', 'answers.json');
  const [baseline, scripted] = timePair(node, ['-e', '0'], [CLI, '--answers', answers, '--out', join(OUT, 'plan.md'), '--force', '--date', '2027-01-01']);
  console.log(`node -e 0: ${fmt(baseline)} (median of ${RUNS})`);
  report('scripted: answers -> plan (ratio)', `${(scripted / baseline).toFixed(2)}x (${fmt(scripted)})`, '<= 1.3x', scripted / baseline <= 1.3);

  // --- wizard: first visible frame, under a pty; baseline is node -e 0 under the same pty
  if (spawnSync('script', ['--version']).status === 0) {
    const n = Math.min(RUNS, 11);
    // The welcome screen's key legend: the last line of the first screen, on which the user can act.
    const marker = process.env.BENCH_FIRST_FRAME_MARKER ?? 'Enter begin';
    const noEarly = { PEER_READY_NO_EARLY_FRAME: '1' };
    // The first start keeps its frame for the next ones (as a user's first run does).
    await timeToOutput(`${node} ${CLI} --new`, marker);
    // Turn about, as above.
    const base = [];
    const wiz = [];
    const ink = [];
    for (let i = 0; i < n; i++) {
      base.push((await timeToOutput(`${node} -e "console.log('ready-marker')"`, 'ready-marker')).first);
      wiz.push((await timeToOutput(`${node} ${CLI} --new`, marker)).first);
      ink.push((await timeToOutput(`${node} ${CLI} --new`, marker, { extraEnv: noEarly })).first);
    }
    const ptyBase = median(base);
    const wizard = median(wiz);
    const inkFirst = median(ink);
    report('wizard: start to first frame (ratio)', `${(wizard / ptyBase).toFixed(2)}x (${fmt(wizard)} vs ${fmt(ptyBase)})`, '<= 1.3x', wizard / ptyBase <= 1.3);
    report("wizard: Ink's own first frame (ratio)", `${(inkFirst / ptyBase).toFixed(2)}x (${fmt(inkFirst)})`, 'none (no early frame)', undefined);
    const keys = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? '\u001b[B' : '\u001b[A'));
    const keyRun = await timeToOutput(`${node} ${CLI} --new`, marker, { keys: ['\r', ...keys] });
    const keyMedian = median(keyRun.keyTimes.slice(1));
    report('wizard: keypress to next frame (median)', fmt(keyMedian), '<= 16 ms', keyMedian <= 16);
  } else {
    console.log('skip wizard timings: the `script` command (util-linux) is not installed');
  }

  // --- batch: 1,000 generated answers files
  const batchBench = join(root, 'bench', 'batch.mjs');
  if (existsSync(batchBench)) {
    const { runBatchBench } = await import(batchBench);
    const r = await runBatchBench({ root, cli: CLI, out: OUT, env, count: 1000, node });
    report('batch: 1,000 answers files -> plans (wall)', fmt(r.wall), '<= 2000 ms', r.wall <= 2000);
  }
  return { baseline, rows };
}
