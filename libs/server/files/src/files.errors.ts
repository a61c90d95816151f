import { FILE_PROBLEMS } from '@cascade/contracts';
import { DomainError } from '@cascade/server/core';
import { ACCEPTED_FILE_TYPES } from './file-content-type';

/** 415 naming the field and what would have been accepted. */
export const fileTypeNotAllowed = () => {
  const accepted = Object.values(ACCEPTED_FILE_TYPES).join(', ');
  const message = `content is not an accepted kind of file (${accepted})`;
  return new DomainError(
    'FILE_TYPE_NOT_ALLOWED',
    FILE_PROBLEMS.FILE_TYPE_NOT_ALLOWED,
    `file: ${message}`,
    { accepted: Object.keys(ACCEPTED_FILE_TYPES) },
    [{ field: 'file', message }],
  );
};
