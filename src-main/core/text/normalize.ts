/**
 * Folds text for comparison: Unicode compatibility forms, diacritics removed, lower case,
 * punctuation and runs of spaces collapsed to one space. "Ramírez-Núñez, MARÍA" and
 * "ramirez nunez maria" fold alike.
 */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Letters of a name's first and last words, for the initials scheme: "María de la Cruz" -> "M.C.". */
export function initialsOf(name: string): string {
  const words = name.normalize('NFC').match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? [];
  const first = words[0];
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  return [first, last]
    .filter((word): word is string => word !== undefined)
    .map((word) => `${[...word][0]!.toLocaleUpperCase()}.`)
    .join('');
}
