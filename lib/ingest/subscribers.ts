// Modules that subscribe to completed imports (hooks.ts onImported). Both ways in — scripts/import.ts and
// the admin page's upload handler — import this file, so a subscriber listed here runs after every import.
// Add one line per subscribing module, e.g.:
//   import '../risk/onImported';
import '../risk/onImported';
import '../reports/onImported';

export {};
