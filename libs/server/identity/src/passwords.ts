import * as argon2 from 'argon2';

const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => argon2.hash(password, OPTIONS);

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  // Without a hash, verify against a fixed one anyway so unknown accounts take as long as known ones.
  const target = hash ?? (await decoyHash);
  try {
    return (await argon2.verify(target, password)) && hash !== null;
  } catch {
    return false;
  }
}

const decoyHash = argon2.hash('decoy-password-never-matches', OPTIONS);
