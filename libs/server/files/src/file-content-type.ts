import { fileTypeFromBuffer } from 'file-type';

/** What an upload may be, by its content; the name and the client's claimed type do not count. */
export const ACCEPTED_FILE_TYPES = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (docx)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (xlsx)',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint (pptx)',
  'text/plain; charset=utf-8': 'plain text (UTF-8)',
} as const;

export type AcceptedFileType = keyof typeof ACCEPTED_FILE_TYPES;

export const PLAIN_TEXT: AcceptedFileType = 'text/plain; charset=utf-8';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The accepted type the bytes are, or null. Binary kinds are told by their signature (legacy
 * doc/xls/ppt share one container format with installers and are not told apart, so they are
 * refused). Text has no signature: it passes only as valid UTF-8 without NUL that does not open
 * like markup, since a browser could take HTML, SVG or XML for a page.
 */
export async function detectFileType(content: Buffer): Promise<AcceptedFileType | null> {
  const detected = await fileTypeFromBuffer(content);
  if (detected) return detected.mime in ACCEPTED_FILE_TYPES ? (detected.mime as AcceptedFileType) : null;
  return isPlainText(content) ? PLAIN_TEXT : null;
}

export function isPlainText(content: Buffer): boolean {
  if (content.includes(0)) return false;
  let text: string;
  try {
    text = strictUtf8.decode(content);
  } catch {
    return false;
  }
  return !text.replace(/^[\uFEFF\s]+/, '').startsWith('<');
}

/** The type a stored file is served as: rows stored before types were checked by content go out as opaque bytes. */
export function servedContentType(stored: string): string {
  return stored in ACCEPTED_FILE_TYPES ? stored : 'application/octet-stream';
}
