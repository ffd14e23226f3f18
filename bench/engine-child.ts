/**
 * One bench run of tripcare in a fresh process: `node bench/engine-child.ts <production|embedded|memory> <concurrency>`.
 * Prints one JSON line (bench/drive.ts's ChildResult). Started by bench/side-by-side.ts.
 */
import { Redis } from 'ioredis';
import { PgliteDatabase } from '../src/stores/sql/pglite-database.ts';
import { PostgresDatabase } from '../src/stores/sql/postgres-database.ts';
import { levelAt } from './complaint.ts';
import { countRedis, countSql } from './counters.ts';
import { childArgs, drive, report } from './drive.ts';
import { message, openTripcare, wirings } from './tripcare.ts';

const { variant, concurrency } = childArgs(wirings);
countRedis(Redis);
countSql(PostgresDatabase, PgliteDatabase);

const tripcare = await openTripcare(variant, `c${concurrency}`);
const result = await drive({
  say: (conversation, n, turn) => tripcare.app.engine.receive(message(conversation, n, turn)),
  replies: tripcare.replies,
}, levelAt(concurrency));
const bytes = await tripcare.bytesPerConversation();
await tripcare.close();
report(bytes === undefined ? result : { ...result, bytesPerConversation: bytes });
process.exit(0);
