// Browser tests drive Debian's Chromium through playwright-core; nothing is
// downloaded. When Chromium is missing, we install Debian's package if we are
// root, and otherwise stop with the exact command to run. Never a skip.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import type { Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const cmd = 'apt-get update && apt-get install -y chromium fonts-noto-cjk';
  if (process.getuid?.() === 0) {
    execSync(cmd, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (existsSync(CHROMIUM)) return;
  }
  throw new Error(`浏览器测试需要 Debian 的 Chromium (${CHROMIUM})，未找到。请以 root 运行:\n  sudo ${cmd}`);
}

export async function launch(): Promise<Browser> {
  ensureChromium();
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}
