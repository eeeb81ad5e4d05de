import { accessSync, constants, existsSync, statSync } from "node:fs";
import { dirname } from "node:path";

/** The SQLite file under DATA_DIR. */
export const SQLITE_FILE = "citizen-score.sqlite";

const RECOVER = `run "npm run sessions -- recover" to copy every readable session into a new file (the damaged one is kept beside it)`;

/**
 * A storage problem in one sentence that names the file or setting and what to do: what
 * start-up and the sessions tool print instead of a stack trace.
 */
export class StorageProblem extends Error {}

/** Why the sessions file at `file` (in DATA_DIR `dir`) cannot be used, in words, from the error opening or checking it. */
export function describeSqliteError(err: unknown, file: string, dir: string): StorageProblem {
  const e = err as { code?: string; message?: string };
  const code = e.code ?? "";
  const why = e.message ?? String(err);
  if (
    code === "EACCES" ||
    code === "EPERM" ||
    code === "EROFS" ||
    code === "ENOTDIR" ||
    code === "EEXIST" ||
    (e as NodeJS.ErrnoException).syscall === "mkdir"
  ) {
    // Making a folder on a read-only mount says ENOENT: the folder it would go in says why.
    const reason = code === "ENOENT" ? (cannotWrite(nearestExisting(dir)) ?? why) : why;
    return new StorageProblem(`DATA_DIR ${dir} cannot be used (${reason}); set DATA_DIR to a folder this user may write, or fix its permissions or mount.`);
  }
  if (code === "SQLITE_READONLY" || code.startsWith("SQLITE_READONLY_")) {
    return new StorageProblem(
      `The sessions database ${file} is read-only (${why}); the server must write it: fix its permissions or set DATA_DIR to another folder.`,
    );
  }
  if (code === "SQLITE_BUSY" || code === "SQLITE_LOCKED" || code.startsWith("SQLITE_BUSY_")) {
    return new StorageProblem(
      `The sessions database ${file} is locked by another process (${why}); stop the other program using DATA_DIR ${dir}, or give this server a DATA_DIR of its own.`,
    );
  }
  if (code === "SQLITE_CORRUPT" || code === "SQLITE_NOTADB" || code.startsWith("SQLITE_CORRUPT_") || /malformed|not a database/i.test(why)) {
    return new StorageProblem(`The sessions database ${file} is damaged (${why}); ${RECOVER}.`);
  }
  if (code === "SQLITE_FULL" || code === "ENOSPC") {
    return new StorageProblem(`The disk holding ${file} is full (${why}); free some space and start again.`);
  }
  if (code === "SQLITE_CANTOPEN") {
    // SQLite's own words ("unable to open database file") do not say which of the two cannot be written.
    const dirTrouble = cannotWrite(dir);
    if (dirTrouble && existsSync(file) && cannotWrite(file)) {
      return new StorageProblem(
        `The sessions database ${file} is read-only (${dirTrouble}); the server must write it and its folder: fix the permissions or the mount, or set DATA_DIR to another folder.`,
      );
    }
    if (dirTrouble)
      return new StorageProblem(
        `DATA_DIR ${dir} cannot be written (${dirTrouble}); set DATA_DIR to a folder this user may write, or fix its permissions or mount.`,
      );
    return new StorageProblem(
      `The sessions database ${file} cannot be opened (${why}); check that DATA_DIR ${dir} exists and this user may read and write it.`,
    );
  }
  return new StorageProblem(`The sessions database ${file} cannot be used (${why}).`);
}

/** A file that exists but holds nothing was a database once: opening it would silently start with no sessions. */
export function emptyFileProblem(file: string): StorageProblem | undefined {
  if (!existsSync(file) || statSync(file).size > 0) return undefined;
  return new StorageProblem(
    `The sessions database ${file} is empty (0 bytes), so every session it held is gone; put back a backup, or move the empty file away to start with no sessions.`,
  );
}

/** Why this process may not write `path` (a read-only mount, permissions), or undefined if it may. */
function cannotWrite(path: string): string | undefined {
  try {
    accessSync(path, constants.W_OK);
    return undefined;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? String(err);
  }
}

function nearestExisting(path: string): string {
  while (!existsSync(path) && dirname(path) !== path) path = dirname(path);
  return path;
}
