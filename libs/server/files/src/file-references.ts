import { Injectable } from '@nestjs/common';

/** Whether the current actor may read some record of one domain that attaches the file. */
export type FileReader = (fileId: string) => Promise<boolean>;

/**
 * Who may download a file follows from the records it is attached to: a plan's materials, a
 * scenario, the questions of someone's own attempt. Each domain that attaches files registers
 * how to tell, so this library names none of their tables.
 */
@Injectable()
export class FileReferences {
  private readonly readers: FileReader[] = [];

  register(reader: FileReader): void {
    this.readers.push(reader);
  }

  async readable(fileId: string): Promise<boolean> {
    for (const reader of this.readers) if (await reader(fileId)) return true;
    return false;
  }
}
