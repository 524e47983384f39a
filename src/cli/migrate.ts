import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';

export async function migrateCommand(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrateToLatest(database);
    process.stdout.write(
      applied.length ? `Đã áp dụng ${applied.length} migration: ${applied.join(', ')}\n` : 'Lược đồ đã ở phiên bản mới nhất.\n',
    );
  } finally {
    await database.close();
  }
}
