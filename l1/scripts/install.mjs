// Runs `npm ci` only when node_modules is missing or older than package-lock.json, then makes sure Anvil's binary is
// executable (some npm versions and unzip paths drop the run bit). Called by the Maven build (exec-maven-plugin).
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const here = process.cwd();
const lock = join(here, 'package-lock.json');
const stamp = join(here, 'node_modules', '.obsidian-installed');
const anvil = join(here, 'node_modules', '@foundry-rs', 'anvil-linux-amd64', 'bin', 'anvil');

const upToDate = existsSync(stamp) && statSync(stamp).mtimeMs >= statSync(lock).mtimeMs && existsSync(anvil);
if (!upToDate) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: here, stdio: 'inherit' });
  writeFileSync(stamp, new Date(0).toISOString());
}
if (existsSync(anvil) && (statSync(anvil).mode & 0o111) === 0) {
  chmodSync(anvil, 0o755);
}
console.log(upToDate ? 'l1: node_modules up to date' : 'l1: npm ci done');
