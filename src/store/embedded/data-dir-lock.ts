import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * PGlite lets two processes open the same folder and one of them silently loses its writes
 * (DESIGN.md "Embedded store"), so the folder is claimed with an exclusive lock file holding the
 * owner's pid. A lock left by a killed process (its pid no longer running) is taken over.
 */
export class DataDirLock {
  private constructor(private readonly file: string) {}

  static acquire(dataDir: string): DataDirLock {
    fs.mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, 'ledger.lock');
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
        return new DataDirLock(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const owner = readOwner(file);
        if (owner !== undefined && isRunning(owner)) {
          throw new DataDirInUseError(dataDir, owner);
        }
        fs.rmSync(file, { force: true });
      }
    }
    throw new DataDirInUseError(dataDir, readOwner(file));
  }

  release(): void {
    if (readOwner(this.file) === process.pid) fs.rmSync(this.file, { force: true });
  }
}

export class DataDirInUseError extends Error {
  constructor(dataDir: string, owner: number | undefined) {
    super(
      `The data folder ${dataDir} is in use by another compliance-ledger process` +
        (owner ? ` (pid ${owner})` : '') +
        '. Stop it, or point LEDGER_DATA_DIR at another folder.',
    );
  }
}

function readOwner(file: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
