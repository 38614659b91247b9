// Build dist/cli.js once before the tests that run the real binary (end-to-end, CLI tests).
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
