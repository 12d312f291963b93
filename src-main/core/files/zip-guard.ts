import { open } from 'node:fs/promises';
import { pipeline, Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { VaultError } from '../errors';

/**
 * Zip packages from outside (XLSX workbooks, DOCX documents) checked before any library
 * unpacks them (issue 11: a 15 MB workbook with 172 MB of sheet XML took the process past
 * 3.4 GB). The central directory is read first and absurd declarations refused; then every
 * entry is inflated here, as a stream, counting the bytes, because a declared size can lie.
 */

export interface ZipLimits {
  /** One entry, unpacked. No part of a real workbook or filing comes near it. */
  maxEntryBytes: number;
  /** All entries together, unpacked. */
  maxTotalBytes: number;
  /** Compression ratio refused above this, for entries over `ratioFloor` bytes unpacked. */
  maxRatio: number;
  /** Small entries (XML headers, relationships) compress far better than 100:1 and are harmless. */
  ratioFloor: number;
  maxEntries: number;
  /** What to do instead, for this kind of file (ends the message). */
  advice?: string;
}

/**
 * Repetitive XML compresses 10–30:1 and a real sheet or document about 5–20:1; 100:1 over
 * 1 MiB is a bomb's signature (deflate tops out near 1030:1). 64 MiB per entry and 256 MiB in
 * all are far above what Word or Excel write for a filing or a roster, and a real package has
 * dozens to hundreds of entries, never 10,000.
 */
export const ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxRatio: 100,
  ratioFloor: 1024 * 1024,
  maxEntries: 10_000,
};

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

/** Random access to the zip's bytes: a file on disk or bytes in memory. */
export interface ZipSource {
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

export function bytesSource(bytes: Uint8Array): ZipSource {
  return {
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
    close: async () => undefined,
  };
}

export async function fileSource(path: string): Promise<ZipSource> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  return {
    size,
    read: async (offset, length) => {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
      return buffer.subarray(0, bytesRead);
    },
    close: () => handle.close(),
  };
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MiB = 1024 * 1024;

function mb(bytes: number): string {
  return `${Math.ceil(bytes / MiB).toLocaleString('en-US')} MB`;
}

function refused(kind: string, problem: string, limits: ZipLimits = ZIP_LIMITS): VaultError {
  return new VaultError(
    'VALIDATION',
    `The ${kind} ${problem}; nothing was read. Such a file is damaged or built to exhaust memory. ${limits.advice ?? 'If it is genuine, open it in its program and save it again (split into smaller files if it is large).'}`,
  );
}

/** Not a zip at all, or a damaged one (as opposed to one refused by the limits). */
export class ZipUnreadable extends VaultError {
  constructor(kind: string) {
    super('VALIDATION', `The ${kind} is not a readable zip package (its directory is damaged or missing); nothing was read. Open it in its program and save it again.`);
  }
}

function unreadable(kind: string): VaultError {
  return new ZipUnreadable(kind);
}

/** Reads and checks the central directory: entry count, declared sizes and ratios. */
export async function readZipDirectory(source: ZipSource, kind: string, limits: ZipLimits = ZIP_LIMITS): Promise<ZipEntry[]> {
  // The end-of-central-directory record is in the last 22 bytes + up to 64 KiB of comment.
  const tailLength = Math.min(source.size, 22 + 0xffff);
  const tail = Buffer.from(await source.read(source.size - tailLength, tailLength));
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable(kind);
  const count = tail.readUInt16LE(eocd + 10);
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    throw refused(kind, 'uses the zip64 format, made for archives of several gigabytes', limits);
  }
  if (count > limits.maxEntries) throw refused(kind, `holds ${count.toLocaleString('en-US')} files inside its zip (DoeVault reads at most ${limits.maxEntries.toLocaleString('en-US')})`, limits);
  if (directoryOffset + directorySize > source.size) throw unreadable(kind);
  const directory = Buffer.from(await source.read(directoryOffset, directorySize));
  const entries: ZipEntry[] = [];
  let total = 0;
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL) throw unreadable(kind);
    const nameLength = directory.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      flags: directory.readUInt16LE(at + 8),
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localOffset: directory.readUInt32LE(at + 42),
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
    };
    at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff || entry.localOffset === 0xffffffff) {
      throw refused(kind, 'uses the zip64 format, made for archives of several gigabytes', limits);
    }
    checkDeclared(entry, kind, limits);
    total += entry.uncompressedSize;
    if (total > limits.maxTotalBytes) throw refused(kind, `unpacks to more than ${mb(limits.maxTotalBytes)} in all (DoeVault unpacks up to ${mb(limits.maxTotalBytes)})`, limits);
    entries.push(entry);
  }
  return entries;
}

function checkDeclared(entry: ZipEntry, kind: string, limits: ZipLimits): void {
  if (entry.uncompressedSize > limits.maxEntryBytes) {
    throw refused(kind, `holds a part that unpacks to ${mb(entry.uncompressedSize)} (DoeVault unpacks parts of up to ${mb(limits.maxEntryBytes)})`, limits);
  }
  if (entry.uncompressedSize > limits.ratioFloor && entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize)) {
    const ratio = Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize));
    throw refused(kind, `holds a part compressed ${ratio.toLocaleString('en-US')}:1 (DoeVault refuses more than ${limits.maxRatio}:1 for parts over ${mb(limits.ratioFloor)})`, limits);
  }
  if (entry.method !== 0 && entry.method !== 8) throw refused(kind, `uses a compression method (${entry.method}) that Word and Excel never write`, limits);
  if ((entry.flags & 1) !== 0) throw refused(kind, 'is encrypted (password-protected)', limits);
}

/**
 * The unpacked bytes of one entry, as a stream of chunks. Refused as soon as it yields more than
 * its directory declared (which the directory checks bounded), and when it yields less.
 */
export async function* inflateEntry(source: ZipSource, entry: ZipEntry, kind: string, limits: ZipLimits = ZIP_LIMITS): AsyncGenerator<Buffer> {
  const local = Buffer.from(await source.read(entry.localOffset, 30));
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) throw unreadable(kind);
  const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (start + entry.compressedSize > source.size) throw unreadable(kind);
  const lying = () => refused(kind, 'holds a part that unpacks to more than its zip directory declares', limits);
  let produced = 0;
  const CHUNK = 256 * 1024;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw lying();
    for (let at = 0; at < entry.compressedSize; at += CHUNK) {
      yield Buffer.from(await source.read(start + at, Math.min(CHUNK, entry.compressedSize - at)));
    }
    return;
  }
  async function* compressed(): AsyncGenerator<Uint8Array> {
    for (let at = 0; at < entry.compressedSize; at += CHUNK) yield await source.read(start + at, Math.min(CHUNK, entry.compressedSize - at));
  }
  const input = Readable.from(compressed());
  const inflate = createInflateRaw();
  // Errors reach the loop below through `inflate`; destroying it stops the reading too.
  pipeline(input, inflate, () => undefined);
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      produced += chunk.length;
      if (produced > entry.uncompressedSize) throw lying();
      yield chunk;
    }
  } catch (error) {
    if (error instanceof VaultError) throw error;
    throw unreadable(kind);
  } finally {
    inflate.destroy();
    input.destroy();
  }
  if (produced !== entry.uncompressedSize) throw unreadable(kind);
}

/** One entry, unpacked whole (entries are bounded by the limits above). */
export async function readEntry(source: ZipSource, entry: ZipEntry, kind: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of inflateEntry(source, entry, kind)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * Checks a whole package: its directory, then every entry inflated (and thrown away), so that a
 * library that unpacks it afterwards meets only sizes that were measured, not just declared.
 */
export async function checkZip(source: ZipSource, kind: string, limits: ZipLimits = ZIP_LIMITS): Promise<ZipEntry[]> {
  const entries = await readZipDirectory(source, kind, limits);
  for (const entry of entries) {
    for await (const _ of inflateEntry(source, entry, kind, limits));
  }
  return entries;
}
