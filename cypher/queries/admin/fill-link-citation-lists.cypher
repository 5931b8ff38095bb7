// A parent link citing one source without a quote (or locator) stores [''] in the transactional path;
// the bulk importer reads a lone empty list element as no list (first-load.ts): give it back.
MATCH ()-[l:SUBSIDIARY_OF|DIVISION_OF]->()
WHERE l.quotes IS NULL OR l.locators IS NULL
CALL (l) {
  SET l.quotes = coalesce(l.quotes, [x IN l.sourceIds | '']),
      l.locators = coalesce(l.locators, [x IN l.sourceIds | ''])
} IN TRANSACTIONS OF 10000 ROWS
