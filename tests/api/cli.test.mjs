// The `vigil` command line: exit codes (0 success, 2 unusable invocation or bad input, 1 other
// failures), tokens, backups, and where settings come from (YAML, then VIGIL_*, then flags).

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { PASSWORD, cleanEnv, makeTempDir, runVigil, startVigil } from './harness.mjs';

describe('vigil CLI', () => {
  let dir;
  let db;
  const out = (r) => `exit ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`;
  // Every command runs in the temp dir, so that a default ./var/vigil.db never lands in the repo.
  const vigil = (args, opts = {}) => runVigil(args, { cwd: dir, env: cleanEnv(opts.env), input: opts.input ?? '' });
  const names = (stdout) =>
    stdout
      .split('\n')
      .slice(1)
      .map((l) => l.split(/\s+/)[0])
      .filter(Boolean);

  before(async () => {
    dir = await makeTempDir('vigil-cli-');
    db = path.join(dir, 'main.db');
    const r = await vigil(['user', 'add', 'alice', '--role', 'admin', '--db', db], { input: `${PASSWORD}\n` });
    assert.equal(r.code, 0, out(r));
  });
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('an unknown subcommand exits 2', async () => {
    const r = await vigil(['bogus']);
    assert.equal(r.code, 2, out(r));
  });

  test('--help exits 0 and lists the subcommands', async () => {
    const r = await vigil(['--help']);
    assert.equal(r.code, 0, out(r));
    for (const sub of ['serve', 'user', 'token', 'audit', 'version', 'db']) {
      assert.match(r.stdout, new RegExp(`\\b${sub}\\b`), `--help names ${sub}`);
    }
    const serve = await vigil(['serve', '--help']);
    assert.equal(serve.code, 0, out(serve));
    for (const flag of ['--listen', '--db', '--config', '--key-file', '--data']) {
      assert.ok(serve.stdout.includes(flag), `serve --help documents ${flag}`);
    }
  });

  test('version exits 0 and prints a version', async () => {
    const r = await vigil(['version']);
    assert.equal(r.code, 0, out(r));
    assert.match(r.stdout, /\d+\.\d+\.\d+/);
  });

  test('user add with an unknown role exits 2', async () => {
    const r = await vigil(['user', 'add', 'x', '--role', 'king', '--db', db], { input: `${PASSWORD}\n` });
    assert.equal(r.code, 2, out(r));
    assert.match(r.stderr, /role/);
  });

  test('user add without a name exits 2', async () => {
    const r = await vigil(['user', 'add', '--role', 'viewer', '--db', db], { input: `${PASSWORD}\n` });
    assert.equal(r.code, 2, out(r));
  });

  test('user add with a 5-character password exits 2 and names the length rule', async () => {
    const r = await vigil(['user', 'add', 'bob', '--role', 'viewer', '--db', db], { input: 'abcde\n' });
    assert.equal(r.code, 2, out(r));
    assert.match(r.stderr, /12/, 'the message names the minimum length');
    assert.match(r.stderr, /character/i);
    assert.ok(!r.stderr.includes('abcde') && !r.stdout.includes('abcde'), 'the password is not echoed');
    const list = await vigil(['user', 'list', '--db', db]);
    assert.ok(!names(list.stdout).includes('bob'), 'bob was not created');
  });

  test('user add with no password on stdin exits 2', async () => {
    const r = await vigil(['user', 'add', 'nopass', '--role', 'viewer', '--db', db], { input: '' });
    assert.equal(r.code, 2, out(r));
  });

  test('a duplicate user exits 1', async () => {
    const r = await vigil(['user', 'add', 'alice', '--role', 'viewer', '--db', db], { input: `${PASSWORD}\n` });
    assert.equal(r.code, 1, out(r));
    assert.match(r.stderr, /exist/);
  });

  test('user disable of an unknown user exits 2', async () => {
    const r = await vigil(['user', 'disable', 'nobody', '--db', db]);
    assert.equal(r.code, 2, out(r));
  });

  test('an unknown flag or a bad flag value exits 2', async () => {
    for (const args of [
      ['user', 'list', '--db', db, '--bogus'],
      ['serve', '--threads', 'abc', '--db', db],
      ['serve', '--listen', 'nonsense', '--db', db],
      ['serve', '--listen', '127.0.0.1:99999', '--db', db],
    ]) {
      const r = await vigil(args);
      assert.equal(r.code, 2, `${args.join(' ')}\n${out(r)}`);
    }
  });

  test('token add prints one vgl_ token on stdout; tokens differ; a bad role exits 2', async () => {
    const a = await vigil(['token', 'add', 't1', '--role', 'viewer', '--db', db]);
    assert.equal(a.code, 0, out(a));
    const lines = a.stdout.split('\n').filter((l) => l.trim() !== '');
    assert.equal(lines.length, 1, `one line on stdout: ${a.stdout}`);
    assert.match(lines[0], /^vgl_[A-Za-z0-9_-]{32,}$/);
    const b = await vigil(['token', 'add', 't2', '--role', 'viewer', '--db', db]);
    assert.equal(b.code, 0, out(b));
    assert.notEqual(b.stdout.trim(), lines[0]);
    const bad = await vigil(['token', 'add', 't3', '--role', 'king', '--db', db]);
    assert.equal(bad.code, 2, out(bad));
  });

  test('db backup makes a usable copy; a second backup to the same path fails', async () => {
    const copy = path.join(dir, 'copy.db');
    const r = await vigil(['db', 'backup', copy, '--db', db]);
    assert.equal(r.code, 0, out(r));
    assert.ok(existsSync(copy), 'the copy exists');
    assert.ok((await stat(copy)).size > 0, 'the copy is not empty');
    // The copy is a working database holding the same users.
    const list = await vigil(['user', 'list', '--db', copy]);
    assert.equal(list.code, 0, out(list));
    assert.ok(names(list.stdout).includes('alice'), `alice in the copy: ${list.stdout}`);

    const again = await vigil(['db', 'backup', copy, '--db', db]);
    assert.notEqual(again.code, 0, `a second backup over the copy must fail\n${out(again)}`);
    assert.notEqual(again.code, null);
  });

  test('VIGIL_DB chooses the database', async () => {
    const other = path.join(dir, 'env.db');
    const add = await vigil(['user', 'add', 'envuser', '--role', 'viewer'], {
      env: { VIGIL_DB: other },
      input: `${PASSWORD}\n`,
    });
    assert.equal(add.code, 0, out(add));
    const r = await vigil(['user', 'list'], { env: { VIGIL_DB: other } });
    assert.equal(r.code, 0, out(r));
    assert.deepEqual(names(r.stdout), ['envuser']);
    assert.ok(!existsSync(path.join(dir, 'var', 'vigil.db')), 'the default database was not used');
  });

  describe('settings precedence: YAML file, then VIGIL_*, then flags', () => {
    let a;
    let b;
    let c;
    let config;
    before(async () => {
      a = path.join(dir, 'yaml-a.db');
      b = path.join(dir, 'yaml-b.db');
      c = path.join(dir, 'yaml-c.db');
      for (const [file, name] of [[a, 'alpha'], [b, 'beta'], [c, 'gamma']]) {
        const r = await vigil(['user', 'add', name, '--role', 'viewer', '--db', file], { input: `${PASSWORD}\n` });
        assert.equal(r.code, 0, out(r));
      }
      config = path.join(dir, 'vigil.yaml');
      await writeFile(config, `# test settings\ndb: ${a}\nlog_level: warn\n`);
    });

    test('a YAML --config file sets the database', async () => {
      const r = await vigil(['user', 'list', '--config', config]);
      assert.equal(r.code, 0, out(r));
      assert.deepEqual(names(r.stdout), ['alpha'], 'db from the YAML file');
    });

    test('--db on the command line wins over the YAML file', async () => {
      const r = await vigil(['user', 'list', '--config', config, '--db', b]);
      assert.equal(r.code, 0, out(r));
      assert.deepEqual(names(r.stdout), ['beta'], `vigil user list --config <db: yaml-a.db> --db yaml-b.db`);
    });

    test('VIGIL_DB wins over the YAML file', async () => {
      const r = await vigil(['user', 'list', '--config', config], { env: { VIGIL_DB: c } });
      assert.equal(r.code, 0, out(r));
      assert.deepEqual(names(r.stdout), ['gamma'], 'VIGIL_DB=yaml-c.db vigil user list --config <db: yaml-a.db>');
    });

    test('--db on the command line wins over VIGIL_DB', async () => {
      const r = await vigil(['user', 'list', '--db', b], { env: { VIGIL_DB: c } });
      assert.equal(r.code, 0, out(r));
      assert.deepEqual(names(r.stdout), ['beta'], 'VIGIL_DB=yaml-c.db vigil user list --db yaml-b.db');
    });

    test('serve: --db wins over VIGIL_DB and the YAML file', async () => {
      // The harness's own database (with user "flaguser") is passed with --db; VIGIL_DB and the
      // YAML file point elsewhere. Signing in as flaguser shows which database the server opened.
      const server = await startVigil({
        users: [{ name: 'flaguser', role: 'viewer' }],
        env: { VIGIL_DB: c },
        args: ['--config', config],
      });
      try {
        const res = await server.request('POST', '/api/v1/session', {
          json: { name: 'flaguser', password: PASSWORD },
        });
        assert.equal(
          res.status,
          200,
          `VIGIL_DB=yaml-c.db vigil serve --db <harness db> --config <db: yaml-a.db>: sign-in as a user of the --db database → ${res.status} ${res.text}`,
        );
      } finally {
        await server.close();
      }
    });
  });

  test('an unknown key in the YAML config exits 2', async () => {
    const config = path.join(dir, 'bad.yaml');
    await writeFile(config, `db: ${db}\nno_such_setting: 1\n`);
    const r = await vigil(['user', 'list', '--config', config]);
    assert.equal(r.code, 2, out(r));
    assert.match(r.stderr, /no_such_setting/, 'the message names the key');
  });

  test('a config file that is not YAML, or missing, exits 2', async () => {
    const config = path.join(dir, 'broken.yaml');
    await writeFile(config, 'db: [unclosed\n  - : :\n');
    const broken = await vigil(['user', 'list', '--config', config]);
    assert.equal(broken.code, 2, out(broken));
    const missing = await vigil(['user', 'list', '--config', path.join(dir, 'missing.yaml')]);
    assert.equal(missing.code, 2, out(missing));
  });

  test('audit verify on the CLI-made database says intact', async () => {
    const r = await vigil(['audit', 'verify', '--db', db]);
    assert.equal(r.code, 0, out(r));
    assert.match(`${r.stdout}${r.stderr}`, /intact/);
  });
});
