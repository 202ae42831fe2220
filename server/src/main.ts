import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config';
import { createContext } from './context';
import { DataDirInUseError } from './db/data-dir-lock';
import { createAdministrator } from './modules/accounts/create-administrator';
import { seedDemo } from './demo/seed-demo';
import { createPlatformApp } from './modules/platform-api/service';
import { createLogger } from './platform/logger';
import { startRocketHub } from './server';

const USAGE = `Usage: rockethub <command> [options]

Commands:
  start [--roles web,realtime,worker]   run RocketHub (all roles by default)
  migrate                               apply pending database migrations and exit
  create-admin --account-name NAME --name NAME --email EMAIL [--password PASSWORD]
                                        create an account and its administrator
                                        (without --password, prints a link to set one)
  create-platform-app --name NAME       create a platform app and print its API token
  seed-demo [--email EMAIL] [--password PASSWORD]
                                        create a demo account full of pt-BR conversations

Configuration comes from environment variables (see README.md).`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      roles: { type: 'string' },
      'account-name': { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 1;
  }
  const env = values.roles ? { ...process.env, ROCKETHUB_ROLES: values.roles } : process.env;
  const config = loadConfig(env);

  switch (command) {
    case 'start': {
      const started = Date.now();
      const node = await startRocketHub(config);
      node.ctx.log.info(
        {
          url: config.frontendUrl,
          roles: [...config.roles],
          database: node.ctx.database.kind,
          ms: Date.now() - started,
          memory: memoryMb(),
        },
        'RocketHub is ready',
      );
      await waitForSignal();
      await node.close();
      return 0;
    }
    case 'migrate': {
      const ctx = await createContext(config, createLogger(config.logLevel));
      await ctx.close();
      console.log('Database is up to date.');
      return 0;
    }
    case 'create-admin': {
      const { ['account-name']: accountName, name, email, password } = values;
      if (!accountName || !name || !email) {
        console.error('create-admin needs --account-name, --name and --email\n\n' + USAGE);
        return 1;
      }
      const ctx = await createContext({ ...config, roles: new Set() }, createLogger('warn'));
      try {
        const result = await createAdministrator(ctx, { accountName, name, email, password });
        console.log(`Created account #${result.accountId} "${accountName}" with administrator ${email} (user #${result.userId}).`);
        if (result.existingUser) console.log('That email already had a RocketHub user: they keep their password and now also administer this account.');
        if (result.setPasswordUrl) console.log(`Set the password here: ${result.setPasswordUrl}`);
      } finally {
        await ctx.close();
      }
      return 0;
    }
    case 'create-platform-app': {
      if (!values.name) {
        console.error('create-platform-app needs --name\n\n' + USAGE);
        return 1;
      }
      const ctx = await createContext({ ...config, roles: new Set() }, createLogger('warn'));
      try {
        const app = await createPlatformApp(ctx, values.name);
        console.log(`Created platform app #${app.id} "${app.name}".\napi_access_token: ${app.token}`);
      } finally {
        await ctx.close();
      }
      return 0;
    }
    case 'seed-demo': {
      const email = values.email ?? 'demo@rockethub.local';
      const password = values.password ?? 'demo-senha-1';
      const ctx = await createContext({ ...config, roles: new Set() }, createLogger('warn'));
      try {
        const result = await seedDemo(ctx, { email, password, name: values.name ?? 'Demo RocketHub', accountName: values['account-name'] ?? 'Loja Aurora (demonstração)' });
        console.log(`Created demo account #${result.accountId} with ${result.conversations} conversations.`);
        console.log(result.existingUser ? `Sign in as ${email} with your usual password.` : `Sign in as ${email} with the password ${password}.`);
      } finally {
        await ctx.close();
      }
      return 0;
    }
    default:
      console.error(`Unknown command "${command}"\n\n${USAGE}`);
      return 1;
  }
}

function memoryMb() {
  const m = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / 1_048_576);
  return { rss: mb(m.rss), heapUsed: mb(m.heapUsed), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers) };
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof DataDirInUseError) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  },
);
