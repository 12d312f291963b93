/** The file name of a path from main (POSIX or Windows). */
export function fileName(path: string | null | undefined): string {
  if (!path) return '';
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateOnly.format(date);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The pseudonym schemes the vault knows, as the contract spells them, in plain words. */
export const SCHEMES = [
  { value: 'gendered', label: 'Gendered', description: 'Jane Doe and John Doe, with one shared number sequence; Doe when gender is unspecified.' },
  {
    value: 'gendered-separate',
    label: 'Gendered, separate numbers',
    description: 'Jane Doe 1, 2 … and John Doe 1, 2 …, each with its own sequence; Doe 1, 2 … when gender is unspecified.',
  },
  { value: 'neutral', label: 'Neutral', description: 'Doe 1, Doe 2, Doe 3 … for everyone.' },
  { value: 'letters', label: 'Letters', description: 'Plaintiff A, Plaintiff B … then AA, AB.' },
  { value: 'initials', label: 'Initials', description: 'The plaintiff’s initials (J.D.), numbered when they repeat. Initials say something about the person: use only where the court allows it.' },
  { value: 'prefix', label: 'Custom prefix', description: 'Your own label followed by a number, e.g. Officer Doe 1.' },
] as const;

export type SchemeKind = (typeof SCHEMES)[number]['value'];

export function describeScheme(scheme: string): string {
  if (scheme.startsWith('prefix:')) return `Custom prefix “${scheme.slice('prefix:'.length)}”`;
  return SCHEMES.find((s) => s.value === scheme)?.label ?? scheme;
}
