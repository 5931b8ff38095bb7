/**
 * Job titles: the role type each names, and the words they are made of. The role reader looks a title
 * up here; the sentence view keeps title words out of the names they are compounded on ("Chief
 * Executive Officer Andy Jassy").
 */
export const TITLES: ReadonlyArray<{ words: string; roleType: string }> = [
  { words: 'chief executive officer', roleType: 'CEO' },
  { words: 'chief executive', roleType: 'CEO' },
  { words: 'co-chief executive', roleType: 'CEO' },
  { words: 'ceo', roleType: 'CEO' },
  { words: 'executive chairman', roleType: 'CHAIR' },
  { words: 'chairman', roleType: 'CHAIR' },
  { words: 'chairwoman', roleType: 'CHAIR' },
  { words: 'chairperson', roleType: 'CHAIR' },
  { words: 'chair', roleType: 'CHAIR' },
  { words: 'senior vice president', roleType: 'SENIOR_VICE_PRESIDENT' },
  { words: 'executive vice president', roleType: 'SENIOR_VICE_PRESIDENT' },
  { words: 'vice president', roleType: 'VICE_PRESIDENT' },
  { words: 'president', roleType: 'PRESIDENT' },
  { words: 'co-founder', roleType: 'FOUNDER' },
  { words: 'cofounder', roleType: 'FOUNDER' },
  { words: 'founder', roleType: 'FOUNDER' },
  { words: 'chief financial officer', roleType: 'EXECUTIVE' },
  { words: 'chief operating officer', roleType: 'EXECUTIVE' },
  { words: 'chief technology officer', roleType: 'EXECUTIVE' },
  { words: 'chief marketing officer', roleType: 'EXECUTIVE' },
  { words: 'chief people officer', roleType: 'EXECUTIVE' },
  { words: 'chief product officer', roleType: 'EXECUTIVE' },
  { words: 'chief information officer', roleType: 'EXECUTIVE' },
  { words: 'finance chief', roleType: 'EXECUTIVE' },
  { words: 'cfo', roleType: 'EXECUTIVE' },
  { words: 'coo', roleType: 'EXECUTIVE' },
  { words: 'cto', roleType: 'EXECUTIVE' },
  { words: 'board member', roleType: 'BOARD_MEMBER' },
];

/** Words that qualify a title or address a person, compounded on a name like a title's own words. */
const QUALIFIERS = ['director', 'head', 'interim', 'former', 'mr.', 'ms.', 'mrs.', 'dr.'];

/** Every word of a title, and the qualifiers: a compound on a name that is not part of it. */
export const TITLE_WORDS: ReadonlySet<string> = new Set([...TITLES.flatMap((t) => t.words.split(' ')), ...QUALIFIERS]);
