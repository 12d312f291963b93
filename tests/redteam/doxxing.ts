import type { RedTeam } from './context';
import { faker, fullName, person, type Person } from './forms';

/**
 * The doxxing surface (issue 11): what doxxers publish beside a name. Each form is stored on a
 * plaintiff and then written in a draft (the person the export must keep out is whoever the
 * form names: a relative, or the plaintiff through a plate, handle or school).
 */
export interface DoxxForm {
  /** Flags of `plaintiff add` that store it. */
  flags: string[];
  /** As a draft writes it. */
  written: string;
  /** What must not reach a public file. */
  secret: Person;
}

const plate = () => `${faker.number.int({ min: 1, max: 9 })}${faker.string.alpha({ length: 3, casing: 'upper' })}${faker.string.numeric(3)}`;

export const DOXX_FORMS: Record<string, () => DoxxForm> = {
  "a relative's full name": () => {
    const child = person();
    return { flags: ['--family', `${fullName(child)}:daughter`], written: fullName(child), secret: child };
  },
  'a licence plate, written with spaces or a hyphen': () => {
    const p = plate();
    const written = faker.helpers.arrayElement([p, `${p.slice(0, 1)} ${p.slice(1, 4)} ${p.slice(4)}`, `${p.slice(0, 4)}-${p.slice(4)}`.toLowerCase()]);
    return { flags: ['--vehicle', `${p}:CA:grey sedan`], written: `plate ${written}`, secret: { given: 'x', surname: p } };
  },
  'a social media handle, bare or in a URL': () => {
    const handle = `${faker.word.adjective()}${faker.string.alpha({ length: 5, casing: 'lower' })}${faker.number.int({ min: 10, max: 99 })}`;
    const written = faker.helpers.arrayElement([`@${handle}`, `https://social.example/${handle}`, handle.toUpperCase()]);
    return { flags: ['--handle', `@${handle}`], written, secret: { given: 'x', surname: handle } };
  },
  "a child's school": () => {
    const school = `${faker.person.lastName()} ${faker.helpers.arrayElement(['Elementary School', 'Middle School', 'Academy'])}`;
    return { flags: ['--school', school], written: school, secret: { given: 'x', surname: school.replace(/ /g, '') } };
  },
};

/** Stores the form on a new plaintiff; true when scan, export and verify all catch it written. */
export async function doxxCaught(team: RedTeam, make: () => DoxxForm): Promise<boolean> {
  const form = make();
  await team.add(person(), form.flags);
  return team.allDoorsCatch(form.written, form.secret);
}
