/** API tokens, invite codes and ids: random, and tokens kept only as a sha-256 hash compared in constant time. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new API token (32 random bytes), shown to the member once. */
export function newToken(): string {
  return `cairn_${randomBytes(32).toString('base64url')}`;
}

/** The stored form of a token: sha-256, hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether two token hashes are equal, in time independent of where they differ. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** An invite code people can read out: 4 groups of 4 from a 32-letter alphabet (80 bits). */
export function newInviteCode(): string {
  const bytes = randomBytes(16);
  let code = '';
  for (let i = 0; i < 16; i++) {
    if (i && i % 4 === 0) code += '-';
    code += CODE_ALPHABET[bytes[i]! % 32];
  }
  return code;
}

/** A random id with a readable prefix (t_ team, m_ member). */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}
