/**
 * Titles that may stand before a person's surname in a draft ("Ms. Young", "Sgt. Young"). The
 * public version prints a plaintiff's pseudonym without them: "Ms. Jane Doe 8" reads as a
 * mistake, and a rank beside a pseudonym narrows who the plaintiff is. One list for the export
 * and the editor. An abbreviation is matched with or without its period ("Ms Young"), and in
 * capitals ("MS. YOUNG" in a heading); a lower-case word ("the officer Jane Doe 3") is prose,
 * not a title, and stays.
 */
export const HONORIFICS: readonly string[] = [
  'Mr.',
  'Mrs.',
  'Ms.',
  'Miss',
  'Mx.',
  'Dr.',
  'Prof.',
  'Professor',
  'Officer',
  'Police Officer',
  'Deputy',
  'Deputy Sheriff',
  'Sheriff',
  'Trooper',
  'Agent',
  'Special Agent',
  'Sgt.',
  'Sergeant',
  'Det.',
  'Detective',
  'Cpl.',
  'Corporal',
  'Lt.',
  'Lieutenant',
  'Capt.',
  'Captain',
  'Cmdr.',
  'Commander',
  'Pvt.',
  'Private',
];
