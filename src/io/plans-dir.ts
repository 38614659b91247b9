// Where the wizard proposes to save plans when --out is not given: a folder of their own, never
// the current folder (which, for someone who cloned the repository, is the repository itself).
//
//   1. $PEER_READY_PLANS_DIR, when set;
//   2. otherwise "peer-ready-plans" in the user's Documents folder, when there is one;
//   3. otherwise "peer-ready-plans" in the home folder.
//
// The folder is created when the first plan is written into it. The wizard always shows the
// full path and lets the user change it.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PLANS_DIR_ENV = 'PEER_READY_PLANS_DIR';
export const PLANS_FOLDER = 'peer-ready-plans';

export function plansDir(env: NodeJS.ProcessEnv = process.env, home: string = homedir(), exists: (p: string) => boolean = existsSync): string {
  const fromEnv = env[PLANS_DIR_ENV]?.trim();
  if (fromEnv) return fromEnv;
  const documents = join(home, 'Documents');
  return join(exists(documents) ? documents : home, PLANS_FOLDER);
}
