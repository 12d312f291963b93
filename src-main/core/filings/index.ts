/** Filings (issue 12): the facts a filing states (front matter), the courts it may name, the roster's caption. */
export { courtLabels, COURT_FORMS, defaultCourtsPath, loadCourts, parseCourts, type Court, type CourtForm, type CourtLabels, type CourtList } from './courts';
export { filingFactsSchema, MAX_FRONT_MATTER, parseFrontMatter, type FilingFacts, type FrontMatter } from './front-matter';
export { formatRanges, numberRanges, rosterCaption, type NumberRange } from './caption';
