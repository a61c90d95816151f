// Entry of the spreadsheet worker threads (see spreadsheet-pool.ts); it imports nothing but the reader.
import { readSpreadsheetTask } from './spreadsheet-reader';

export default readSpreadsheetTask;
