// Batch benchmark: 1,000 generated answers files turned into 1,000 plans by one run of
// `peer-ready --answers DIR --out-dir PLANS`. Templates are parsed once for the whole batch.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Deterministic pseudo-random numbers, so every run benchmarks the same files. */
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export function generate(template, dir, count) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rand = rng(42);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  for (let i = 0; i < count; i++) {
    const answers = {};
    for (const [id, value] of Object.entries(template.answers)) {
      const v = typeof value === 'object' && value !== null ? value.value : value;
      if (id.startsWith('tl.')) answers[id] = rand() < 0.6;
      else if (['yes', 'partly', 'no', 'not-sure'].includes(v)) answers[id] = pick(['yes', 'partly', 'no', 'not-sure']);
      else answers[id] = v;
    }
    const file = {
      ...template,
      profile: { ...template.profile, name: `Agency ${String(i + 1).padStart(4, '0')}`, timelineFixed: rand() < 0.3 },
      answers,
    };
    delete file.$schema;
    writeFileSync(join(dir, `agency-${String(i + 1).padStart(4, '0')}.json`), JSON.stringify(file));
  }
}

export async function runBatchBench({ root, cli, out, env, count, node = process.execPath }) {
  const template = JSON.parse(readFileSync(join(root, 'examples', 'answers.json'), 'utf8'));
  const inDir = join(out, 'batch-answers');
  generate(template, inDir, count);
  const walls = [];
  for (let i = 0; i < 3; i++) {
    // A fresh folder each time: deleting the last run's 1,000 files just before would time the
    // file system's clean-up, not peer-ready.
    const plans = join(out, `batch-plans-${i}`);
    rmSync(plans, { recursive: true, force: true });
    spawnSync('sync'); // let earlier writes (the generated files, the last run) settle first
    const t0 = process.hrtime.bigint();
    const r = spawnSync(node, [cli, '--answers', inDir, '--out-dir', plans, '--date', '2027-01-01'], { env, encoding: 'utf8' });
    const wall = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`batch failed (${r.status}): ${r.stderr.slice(0, 500)}`);
    // The batch also writes its cohort summary (cohort-summary*.md/.csv) beside the plans.
    const written = readdirSync(plans).filter((f) => !f.startsWith('cohort-summary')).length;
    if (written !== count) throw new Error(`batch wrote ${written} plans, expected ${count}`);
    walls.push(wall);
  }
  return { wall: Math.min(...walls), walls };
}
