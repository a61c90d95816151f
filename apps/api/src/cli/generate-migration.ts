import 'reflect-metadata';
import { loadConfig } from '@cascade/server/config';
import { runMigrations } from '@cascade/server/database';
import { prepareInfrastructure } from '@cascade/server/runtime';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cliDataSource } from './data-source';

/**
 * `npm run db:generate -- <Name>`: compares the entities with a migrated database and
 * writes the difference as a new reversible migration, registered in migrations/index.ts.
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('Usage: npm run db:generate -- <PascalCaseName>');
  const infrastructure = await prepareInfrastructure(loadConfig());
  const dataSource = await cliDataSource(infrastructure).initialize();
  try {
    await runMigrations(dataSource, { lock: !infrastructure.embedded });
    const log = await dataSource.driver.createSchemaBuilder().log();
    // TypeORM reads back a jsonb default of '[]' differently from how it writes it and
    // proposes setting it again every time; those no-op statements are left out.
    const noop = (q: { query: string }) => /ALTER COLUMN "[^"]+" SET DEFAULT '\[\]'(::jsonb)?$/.test(q.query);
    const sql = {
      upQueries: log.upQueries.filter((q) => !noop(q)),
      downQueries: log.downQueries.filter((q) => !noop(q)),
    };
    if (sql.upQueries.length === 0) {
      console.log('No changes: the database matches the entities');
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const quote = (q: string) => '`' + q.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
    const up = sql.upQueries.map((q) => `    await queryRunner.query(${quote(q.query)});`).join('\n');
    const down = sql.downQueries
      .reverse()
      .map((q) => `    await queryRunner.query(${quote(q.query)});`)
      .join('\n');
    const directory = resolve(process.cwd(), 'libs/server/database/src/migrations');
    const file = `${timestamp}-${name}`;
    writeFileSync(
      join(directory, `${file}.ts`),
      `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
    );
    const indexPath = join(directory, 'index.ts');
    const index = readFileSync(indexPath, 'utf8')
      .replace(/\n\nexport const migrations/, `\nimport { ${className} } from './${file}';\n\nexport const migrations`)
      .replace(/\];\s*$/, `  ${className},\n];\n`);
    writeFileSync(indexPath, index);
    console.log(`Wrote libs/server/database/src/migrations/${file}.ts`);
  } finally {
    await dataSource.destroy();
    await infrastructure.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
