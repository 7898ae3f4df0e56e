// Staff accounts for a run, made the way people make them: the first admin through /staff/setup with the code the
// node wrote to its setup-code file, counsellors through /staff/accounts/new, and each counsellor's first sign-in
// setting their own password (/staff/password). Returns a signed-in Browser per counsellor (its cookie opens the hub).
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Browser, expectRedirect } from '../lib/forms.js';
import { pool } from '../lib/pool.js';

const secret = () => `bench ${randomBytes(12).toString('hex')}`;

export async function firstAdmin(base, setupCodeFile) {
  const code = (await readFile(setupCodeFile, 'utf8')).trim();
  const admin = new Browser(base);
  const answer = await admin.submit('/staff/setup', '/staff/auth/setup',
    { code, userName: 'bench-admin', displayName: 'Bench Admin', password: secret() });
  expectRedirect('first-admin setup', answer, '/staff');
  return admin;
}

export async function counsellors(base, admin, count, prefix, concurrency) {
  return pool(Array.from({ length: count }, (_, i) => i), concurrency, async (i) => {
    const userName = `${prefix}${String(i + 1).padStart(4, '0')}`;
    const first = secret();
    expectRedirect(`creating ${userName}`, await admin.submit('/staff/accounts/new', '/staff/accounts/new',
      { _handler: 'account', userName, displayName: `Rådgivare ${i + 1}`, password: first, kind: 'counsellor', service: '' }),
      '/staff/accounts?done=created');
    const browser = new Browser(base);
    expectRedirect(`signing in as ${userName}`,
      await browser.submit('/staff/signin', '/staff/auth/signin', { userName, password: first }), '/staff/password');
    const own = secret();
    expectRedirect(`${userName} setting a password`,
      await browser.submit('/staff/password', '/staff/auth/password', { current: first, password: own, repeat: own }), '/staff');
    return browser;
  });
}
