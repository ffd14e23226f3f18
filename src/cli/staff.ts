import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ReadStream } from 'node:tty';
import { SystemClock } from '../clock/system-clock.ts';
import type { Config } from '../config.ts';
import { loadTeams } from '../desk/teams.ts';
import { createLogger } from '../log.ts';
import { addStaff, checkStaffInput, StaffInputError } from '../staff/add-staff.ts';
import { staffRoles } from '../staff/roles.ts';
import { openSql } from '../wiring.ts';
import { staffUsage } from './texts.ts';

export interface StaffIo {
  input: Readable | ReadStream;
  output: Writable;
  errors: Writable;
}

/** `tripcare staff <action> --username … --name … --role … --team …`, its options parsed (src/cli/main.ts). */
export interface StaffRequest {
  action: string | undefined;
  username: string | undefined;
  name: string | undefined;
  role: string | undefined;
  team: string[];
}

/** `tripcare staff add`: creates a staff account (the first admin too). Exit 0 added, 1 refused, 2 usage. */
export async function staffCommand({ action, username, name, role, team }: StaffRequest, config: Config, io: StaffIo): Promise<number> {
  if (action !== 'add') return usage(io, `Unknown staff command "${action ?? ''}".`);
  if (!username || !name || !role) return usage(io, 'tripcare staff add needs --username, --name and --role.');

  const known = await loadTeams(config.TEAMS_FILE);
  const unknown = team.filter((t) => !known.get(t));
  if (unknown.length > 0) return refused(io, `No team ${unknown.join(', ')}; the teams are: ${known.all.map((t) => t.id).join(', ')}.`);

  const password = await readPassword(io, username);
  if (password === undefined) return refused(io, 'The passwords typed did not match.');
  const input = { username, displayName: name, role, password, teams: team };
  const clock = new SystemClock();
  try {
    checkStaffInput(input); // before the database, which takes seconds to open
    const sql = await openSql(config, clock, createLogger('error'));
    try {
      const account = await addStaff({ staff: sql.staff, audit: sql.audit, clock, actor: 'cli' }, input);
      const teams = account.teams.length > 0 ? ` in ${account.teams.join(', ')}` : '';
      io.output.write(`Added ${account.role} ${account.username} (${account.displayName})${teams}.\n`);
      return 0;
    } finally {
      await sql.close();
    }
  } catch (e) {
    if (e instanceof StaffInputError) return refused(io, e.message);
    throw e;
  }
}

function refused(io: StaffIo, message: string): number {
  io.errors.write(`${message}\n`);
  return 1;
}

function usage(io: StaffIo, message: string): number {
  io.errors.write(`${message}\n\n${staffUsage(staffRoles)}`);
  return 2;
}

/** The first line of input; in a terminal, typed twice without echo (undefined if the two differ). */
async function readPassword(io: StaffIo, username: string): Promise<string | undefined> {
  if (!('isTTY' in io.input && io.input.isTTY)) {
    for await (const line of createInterface({ input: io.input, crlfDelay: Infinity })) return line;
    return '';
  }
  const first = await typeHidden(io.input, io.errors, `Password for ${username}: `);
  const again = await typeHidden(io.input, io.errors, 'Again: ');
  return first === again ? first : undefined;
}

function typeHidden(input: ReadStream, output: Writable, prompt: string): Promise<string> {
  output.write(prompt);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(typed);
          return;
        }
        if (ch === '\u0003') { // Ctrl-C: raw mode turns off the signal
          finish();
          reject(new Error('Cancelled.'));
          return;
        }
        typed = ch === '\u007f' || ch === '\b' ? typed.slice(0, -1) : typed + ch;
      }
    };
    input.on('data', onData);
  });
}
